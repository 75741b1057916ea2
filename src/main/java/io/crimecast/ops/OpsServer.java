package io.crimecast.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.crimecast.config.CrimecastConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/** Serves /metrics for Prometheus and the liveness and readiness probes, on the JDK's HTTP server. */
public final class OpsServer implements AutoCloseable {
    private final HttpServer server;

    private OpsServer(HttpServer server) {
        this.server = server;
    }

    /** Binds {@code host:port} (port 0 picks a free one). */
    public static OpsServer start(String host, int port, PrometheusMeterRegistry registry, BooleanSupplier live, BooleanSupplier ready) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.createContext(OpsEndpoints.METRICS, ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
            server.createContext(OpsEndpoints.LIVE, ex -> probe(ex, live.getAsBoolean()));
            server.createContext(OpsEndpoints.READY, ex -> probe(ex, ready.getAsBoolean()));
            server.setExecutor(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "crimecast-ops-http");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return new OpsServer(server);
        } catch (BindException e) {
            throw new IllegalArgumentException("port " + port + " is in use (set --http-port or " + CrimecastConfig.ENV_HTTP_PORT + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics and health on " + host + ":" + port, e);
        }
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
    }
}
