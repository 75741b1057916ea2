package io.crimecast.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.crimecast.grid.Grid;
import io.crimecast.topics.JsonSerde;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read-only query API under /api and the map page under /, on the ops server. A question about a region another
 * instance owns is forwarded to it (once: a forwarded request is answered here or not at all). With a token, every
 * request needs it, as a bearer header or the cookie the page sets after {@code /?token=...}. GET and HEAD only.
 * Routing, the token check and forwarding stay in one handler so that no request can reach an answer past them.
 */
public final class QueryHttp implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(QueryHttp.class);
    /** Set on a forwarded request; its value is the instance that forwarded it. */
    static final String FORWARDED = "X-Crimecast-Forwarded-By";
    /** Set on every API answer: the instance whose state answered it. */
    public static final String SERVED_BY = "X-Crimecast-Served-By";
    static final String COOKIE = "crimecast_token";
    private static final String WEB = "/io/crimecast/query/web/";
    private static final Map<String, String> PAGES = Map.of("/", "index.html", "/app.js", "app.js", "/style.css", "style.css",
            "/openapi.yaml", "openapi.yaml");
    private static final Pattern REGION_PATH = Pattern.compile("/api/regions/([^/]+)/(cell|periods|forecast|hotspots|why|cells/([^/]+)(/why)?)");
    private static final Set<String> PERIOD_PARAMS = Set.of("layer", "horizon", "period");

    private final QueryService service;
    private final StateLocator locator;
    private final String self;
    private final String token;
    private final String corsOrigin;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param self       this instance's host:port as the others know it
     * @param token      the bearer token required, or null
     * @param corsOrigin the one origin allowed to call the API from a browser, or null
     */
    public QueryHttp(List<Grid> grids, StateLocator locator, String self, String token, String corsOrigin) {
        this.service = new QueryService(new ServedRegions(grids));
        this.locator = locator;
        this.self = self;
        this.token = token;
        this.corsOrigin = corsOrigin;
    }

    record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Reply json(int status, Object value) {
            try {
                return new Reply(status, "application/json", JsonSerde.MAPPER.writeValueAsBytes(value), new LinkedHashMap<>());
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Reply error(int status, String message) {
            return json(status, Map.of("status", status, "error", message));
        }

        Reply with(String header, String value) {
            headers.put(header, value);
            return this;
        }
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        Reply reply;
        try {
            reply = answer(ex);
        } catch (QueryException e) {
            reply = Reply.error(e.status(), e.getMessage());
        } catch (InvalidStateStoreException e) {
            reply = Reply.error(503, "the region's state is being restored or moved; try again").with("Retry-After", "1");
        } catch (RuntimeException e) {
            LOG.warn("query {} failed", ex.getRequestURI(), e);
            reply = Reply.error(500, "internal error: " + e.getClass().getSimpleName());
        }
        send(ex, reply);
    }

    private Reply answer(HttpExchange ex) {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        if (method.equals("OPTIONS") && corsOrigin != null && path.startsWith("/api/")) {
            return new Reply(204, null, new byte[0], new LinkedHashMap<>()).with("Access-Control-Allow-Methods", "GET, HEAD")
                    .with("Access-Control-Allow-Headers", "Authorization").with("Access-Control-Max-Age", "600");
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Reply.error(405, "read-only: GET and HEAD only").with("Allow", "GET, HEAD");
        }
        String query = ex.getRequestURI().getRawQuery();
        if (token != null && !authorised(ex)) {
            if (path.equals("/") && query != null && query.startsWith("token=")) {
                return login(query.substring("token=".length()));
            }
            return Reply.error(401, "a bearer token is required (Authorization: Bearer <token>; for the page open /?token=<token> once)")
                    .with("WWW-Authenticate", "Bearer");
        }
        if (!path.startsWith("/api/")) {
            return page(path);
        }
        return api(path, query, ex.getRequestHeaders().getFirst(FORWARDED)).with("Cache-Control", "no-store");
    }

    private Reply api(String path, String query, String forwardedBy) {
        if (path.equals("/api/regions")) {
            Params.parse(query, Set.of());
            return Reply.json(200, service.regionList()).with(SERVED_BY, self);
        }
        Matcher m = REGION_PATH.matcher(path);
        if (!m.matches()) {
            return Reply.error(404, "no such path " + path + "; the API is described at /openapi.yaml");
        }
        String region = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        service.regions().grid(region);
        String what = m.group(2);
        String cell = m.group(3) == null ? null : URLDecoder.decode(m.group(3), StandardCharsets.UTF_8);
        if (what.equals("cell")) { // grid maths only: any instance answers
            Params p = Params.parse(query, Set.of("lat", "lon"));
            return Reply.json(200, service.cellAt(region, p.number("lat", -90, 90), p.number("lon", -180, 180))).with(SERVED_BY, self);
        }
        Function<StateReader, Object> answer = route(what, cell, m.group(4) != null, region, query);
        StateLocator.Location where = locator.locate(region);
        if (where instanceof StateLocator.Here here) {
            return Reply.json(200, answer.apply(here.state())).with(SERVED_BY, self);
        }
        if (where instanceof StateLocator.Elsewhere elsewhere && forwardedBy == null) {
            return forward(elsewhere.hostPort(), path, query);
        }
        String why = where instanceof StateLocator.Unavailable u ? u.reason()
                : "forwarded by " + forwardedBy + ", but region " + region + " is now owned by " + ((StateLocator.Elsewhere) where).hostPort();
        return Reply.error(503, why + "; try again").with("Retry-After", "1");
    }

    /** Checks the parameters here, before any forwarding, and returns what to ask of the owner's state. */
    private Function<StateReader, Object> route(String what, String cell, boolean cellWhy, String region, String query) {
        if (cell != null) {
            if (cellWhy) {
                Params p = Params.parse(query, PERIOD_PARAMS);
                return s -> service.why(s, region, cell, p.string("layer", null), p.integer("horizon", null, 1, 366), p.date("period"));
            }
            Params p = Params.parse(query, Set.of("layer", "days"));
            return s -> service.history(s, region, cell, p.string("layer", null), p.integer("days", null, 1, 366));
        }
        return switch (what) {
            case "periods" -> {
                Params p = Params.parse(query, Set.of("layer", "horizon"));
                yield s -> service.periods(s, region, p.string("layer", null), p.integer("horizon", null, 1, 366));
            }
            case "forecast" -> {
                Params p = Params.parse(query, Set.of("layer", "horizon", "period", "flagged"));
                boolean flagged = p.flag("flagged");
                yield s -> service.forecastGeoJson(s, region, p.string("layer", null), p.integer("horizon", null, 1, 366), p.date("period"), flagged);
            }
            case "hotspots" -> {
                Params p = Params.parse(query, PERIOD_PARAMS);
                yield s -> service.hotspots(s, region, p.string("layer", null), p.integer("horizon", null, 1, 366), p.date("period"));
            }
            default -> {
                Params p = Params.parse(query, PERIOD_PARAMS);
                yield s -> service.whyFlagged(s, region, p.string("layer", null), p.integer("horizon", null, 1, 366), p.date("period"));
            }
        };
    }

    /** Asks the owner, with this instance's token, and passes its answer on as it is. */
    private Reply forward(String owner, String path, String query) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + owner + path + (query == null ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(10)).header(FORWARDED, self).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Reply reply = new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse("application/json"),
                    response.body(), new LinkedHashMap<>());
            response.headers().firstValue(SERVED_BY).ifPresent(v -> reply.with(SERVED_BY, v));
            response.headers().firstValue("Retry-After").ifPresent(v -> reply.with("Retry-After", v));
            return reply;
        } catch (IOException e) {
            return Reply.error(502, "the instance owning this region (" + owner + ") did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.error(503, "interrupted while asking " + owner);
        }
    }

    private boolean authorised(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.startsWith("Bearer ") && matches(header.substring("Bearer ".length()).trim())) {
            return true;
        }
        for (String cookies : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String cookie : cookies.split(";")) {
                String c = cookie.trim();
                if (c.startsWith(COOKIE + "=") && matches(c.substring(COOKIE.length() + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Constant time, so that the time taken says nothing of how much of a guess was right. */
    private boolean matches(String given) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    /** The page cannot send a header when opened, so the token given once in the address becomes a cookie. */
    private Reply login(String given) {
        if (!matches(URLDecoder.decode(given, StandardCharsets.UTF_8))) {
            return Reply.error(401, "wrong token").with("WWW-Authenticate", "Bearer");
        }
        return new Reply(303, null, new byte[0], new LinkedHashMap<>()).with("Location", "/")
                .with("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
    }

    private Reply page(String path) {
        String file = PAGES.get(path);
        if (file == null) {
            return Reply.error(404, "no such page " + path);
        }
        try (InputStream in = QueryHttp.class.getResourceAsStream(WEB + file)) {
            if (in == null) {
                throw new IllegalStateException("the map page's " + file + " is missing from the jar");
            }
            String type = file.endsWith(".html") ? "text/html; charset=utf-8" : file.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : file.endsWith(".yaml") ? "application/yaml; charset=utf-8" : "text/css; charset=utf-8";
            // Everything the page uses is served from here: no tile servers, no CDNs (and the policy says so to the browser).
            return new Reply(200, type, in.readAllBytes(), new LinkedHashMap<>())
                    .with("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void send(HttpExchange ex, Reply reply) throws IOException {
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        if (reply.contentType() != null) {
            ex.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (corsOrigin != null && ex.getRequestURI().getRawPath().startsWith("/api/")) {
            ex.getResponseHeaders().set("Access-Control-Allow-Origin", corsOrigin);
            ex.getResponseHeaders().set("Vary", "Origin");
        }
        boolean head = ex.getRequestMethod().equals("HEAD");
        boolean empty = reply.body().length == 0 || head;
        ex.sendResponseHeaders(reply.status(), empty ? -1 : reply.body().length);
        try (OutputStream out = ex.getResponseBody()) {
            if (!empty) {
                out.write(reply.body());
            }
        }
    }
}
