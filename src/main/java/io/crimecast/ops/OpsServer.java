package io.crimecast.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.crimecast.config.CrimecastConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/** Serves /metrics for Prometheus, the liveness and readiness probes and any other handler given, on the JDK's HTTP server. */
public final class OpsServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads;

    private OpsServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Binds {@code host:port} (port 0 picks a free one) and serves /metrics and the probes. */
    public static OpsServer start(String host, int port, PrometheusMeterRegistry registry, BooleanSupplier live, BooleanSupplier ready) {
        OpsServer server = bind(host, port);
        server.start(registry, live, ready);
        return server;
    }

    /**
     * Binds {@code host:port} without serving yet, so that the port is known before what is served is built (the
     * streaming app advertises it to the other instances).
     */
    public static OpsServer bind(String host, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            // A few threads: a query may wait on another instance, and the probes must still answer meanwhile.
            ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "crimecast-http");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(threads);
            return new OpsServer(server, threads);
        } catch (BindException e) {
            throw new IllegalArgumentException("port " + port + " is in use (set --http-port or " + CrimecastConfig.ENV_HTTP_PORT + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics and health on " + host + ":" + port, e);
        }
    }

    /** Serves {@code path} and everything under it that no other handler takes (before {@link #start}). */
    public void handle(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    public void start(PrometheusMeterRegistry registry, BooleanSupplier live, BooleanSupplier ready) {
        server.createContext(OpsEndpoints.METRICS, ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
        server.createContext(OpsEndpoints.LIVE, ex -> probe(ex, live.getAsBoolean()));
        server.createContext(OpsEndpoints.READY, ex -> probe(ex, ready.getAsBoolean()));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://" + server.getAddress().getHostString() + ":" + port() + path;
    }

    private static void probe(HttpExchange ex, boolean ok) throws IOException {
        respond(ex, ok ? 200 : 503, "text/plain; charset=utf-8", ok ? "UP\n" : "DOWN\n");
    }

    private static void respond(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
