package io.crimecast.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.ops.OpsServer;
import io.crimecast.topics.JsonSerde;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP surface on a real JDK server over the real topology's state: forwarding to the owner (and only once),
 * the bearer token, read-only methods, CORS, 400s naming the parameter, and the page with its content policy.
 */
class QueryHttpTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    @TempDir
    Path dir;
    private QueryFixture fx;
    private Grid grid;
    private final List<OpsServer> servers = new ArrayList<>();

    @BeforeEach
    void start() {
        grid = new Grid(Regions.load("philadelphia"));
        fx = new QueryFixture(grid, dir.resolve("state"));
        for (LocalDate d = LocalDate.of(2019, 3, 1); !d.isAfter(LocalDate.of(2019, 3, 11)); d = d.plusDays(1)) {
            fx.send(d, 39.9526, -75.1652, 2);
        }
    }

    @AfterEach
    void stop() {
        servers.forEach(OpsServer::close);
        fx.close();
    }

    /** An instance that owns philadelphia ({@code owner} null) or thinks {@code owner} does. */
    private OpsServer server(String owner, String token, String cors) {
        OpsServer s = OpsServer.bind("127.0.0.1", 0);
        String self = "127.0.0.1:" + s.port();
        StateLocator locator = region -> owner == null ? new StateLocator.Here(fx.state()) : new StateLocator.Elsewhere(owner);
        s.handle("/", new QueryHttp(List.of(grid), locator, self, token, cors));
        s.start(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> true, () -> true);
        servers.add(s);
        return s;
    }

    private static HttpResponse<String> get(OpsServer s, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url(path))).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String hostPort(OpsServer s) {
        return "127.0.0.1:" + s.port();
    }

    @Test
    void aNonOwnerAnswersWithTheOwnersDataAndForwardsOnlyOnce() throws Exception {
        OpsServer owner = server(null, null, null);
        OpsServer other = server(hostPort(owner), null, null);
        HttpResponse<String> direct = get(owner, "/api/regions/philadelphia/forecast?horizon=1");
        HttpResponse<String> forwarded = get(other, "/api/regions/philadelphia/forecast?horizon=1");
        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(forwarded.statusCode()).isEqualTo(200);
        assertThat(forwarded.body()).isEqualTo(direct.body());
        assertThat(forwarded.headers().firstValue(QueryHttp.SERVED_BY)).contains(hostPort(owner));
        assertThat(JsonSerde.MAPPER.readTree(forwarded.body()).get("features")).hasSize(42);
        // the owner's 400 comes back as it is
        assertThat(get(other, "/api/regions/philadelphia/forecast?layer=nope").statusCode()).isEqualTo(400);
        // a forwarded request that reaches a non-owner (ownership moved meanwhile) is not forwarded again
        HttpResponse<String> again = get(other, "/api/regions/philadelphia/hotspots", QueryHttp.FORWARDED, "127.0.0.1:1");
        assertThat(again.statusCode()).isEqualTo(503);
        assertThat(again.headers().firstValue("Retry-After")).contains("1");
        // an owner that does not answer
        OpsServer orphan = server("127.0.0.1:1", null, null);
        assertThat(get(orphan, "/api/regions/philadelphia/hotspots").statusCode()).isEqualTo(502);
    }

    @Test
    void aTokenProtectsTheApiAndThePageAndTravelsWithAForward() throws Exception {
        OpsServer owner = server(null, "s3cret-token", null);
        OpsServer other = server(hostPort(owner), "s3cret-token", null);
        HttpResponse<String> none = get(other, "/api/regions");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(get(other, "/").statusCode()).isEqualTo(401);
        assertThat(get(other, "/api/regions", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(get(other, "/api/regions/philadelphia/hotspots", "Authorization", "Bearer s3cret-token").statusCode()).isEqualTo(200);
        HttpResponse<String> login = get(other, "/?token=s3cret-token");
        assertThat(login.statusCode()).isEqualTo(303);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
        assertThat(get(other, "/app.js", "Cookie", cookie.substring(0, cookie.indexOf(';'))).statusCode()).isEqualTo(200);
        assertThat(get(other, "/?token=guess").statusCode()).isEqualTo(401);
        assertThat(get(other, "/metrics").statusCode()).as("probes and metrics stay open").isEqualTo(200);
    }

    @Test
    void readOnlyCorsOffUnlessConfiguredAndClear400s() throws Exception {
        OpsServer s = server(null, null, null);
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(s.url("/api/regions")))
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method).isEqualTo(405);
        }
        assertThat(get(s, "/api/regions", "Origin", "https://evil.example").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        OpsServer cors = server(null, null, "https://dispatch.example.org");
        assertThat(get(cors, "/api/regions").headers().firstValue("Access-Control-Allow-Origin")).contains("https://dispatch.example.org");

        assertError(s, "/api/regions/philadelphia/forecast?horizon=3", "horizon 3 is not forecast");
        assertError(s, "/api/regions/philadelphia/forecast?horizon=week", "parameter 'horizon' must be a whole number");
        assertError(s, "/api/regions/philadelphia/forecast?period=03/01/2019", "parameter 'period' must be a date");
        assertError(s, "/api/regions/philadelphia/forecast?flagged=yes", "parameter 'flagged' must be true or false");
        assertError(s, "/api/regions/philadelphia/forecast?colour=red", "unknown parameter 'colour'");
        assertError(s, "/api/regions/philadelphia/forecast?layer=all&layer=all", "given twice");
        assertError(s, "/api/regions/philadelphia/cell?lat=91&lon=0", "parameter 'lat' must be from -90.0 to 90.0");
        assertError(s, "/api/regions/philadelphia/cell?lat=abc&lon=0", "parameter 'lat' must be a number");
        assertError(s, "/api/regions/philadelphia/cell?lon=0", "parameter 'lat' is required");
        assertError(s, "/api/regions/philadelphia/cells/7?days=0", "parameter 'days' must be from 1 to 366");
        assertThat(get(s, "/api/regions/gotham/forecast").statusCode()).isEqualTo(404);
        assertThat(get(s, "/api/nothing").statusCode()).isEqualTo(404);
        HttpResponse<String> cell = get(s, "/api/regions/philadelphia/cell?lat=39.9526&lon=-75.1652");
        assertThat(JsonSerde.MAPPER.readTree(cell.body()).get("cell").asInt()).isEqualTo(grid.locateLatLon(39.9526, -75.1652).orElseThrow().id());
    }

    @Test
    void thePageIsServedFromHereWithAPolicyThatAllowsNothingElse() throws Exception {
        OpsServer s = server(null, null, null);
        HttpResponse<String> page = get(s, "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'self'");
        assertThat(page.body()).contains("<script src=\"/app.js\"").doesNotContain("http://").doesNotContain("https://");
        assertThat(get(s, "/app.js").body()).doesNotContain("https://").contains("/api/regions");
        assertThat(get(s, "/style.css").statusCode()).isEqualTo(200);
        assertThat(get(s, "/../etc/passwd").statusCode()).isEqualTo(404);
    }

    @Test
    void everyPathAndParameterTheOpenApiFileDescribesAnswers() throws Exception {
        OpsServer s = server(null, null, null);
        HttpResponse<String> spec = get(s, "/openapi.yaml");
        assertThat(spec.statusCode()).isEqualTo(200);
        JsonNode api = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(spec.body());
        JsonNode shared = api.path("components").path("parameters");
        java.util.Map<String, String> values = java.util.Map.of("layer", "all", "horizon", "1", "period", "2019-03-11", "flagged", "true",
                "days", "10", "lat", "39.9526", "lon", "-75.1652");
        List<String> paths = new ArrayList<>();
        api.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).hasSize(8);
        for (String path : paths) {
            List<String> query = new ArrayList<>();
            for (JsonNode p : api.get("paths").get(path).get("get").path("parameters")) {
                JsonNode param = p.has("$ref") ? shared.get(p.get("$ref").asText().substring("#/components/parameters/".length())) : p;
                if (param.get("in").asText().equals("query")) {
                    query.add(param.get("name").asText() + "=" + values.get(param.get("name").asText()));
                }
            }
            String url = path.replace("{region}", "philadelphia").replace("{cell}", "14") + (query.isEmpty() ? "" : "?" + String.join("&", query));
            HttpResponse<String> r = get(s, url);
            assertThat(r.statusCode()).as("%s: %s", url, r.body()).isEqualTo(200);
        }
    }

    private static void assertError(OpsServer s, String path, String message) throws Exception {
        HttpResponse<String> r = get(s, path);
        assertThat(r.statusCode()).as(path).isEqualTo(400);
        JsonNode body = JsonSerde.MAPPER.readTree(r.body());
        assertThat(body.get("error").asText()).as(path).contains(message);
    }
}
