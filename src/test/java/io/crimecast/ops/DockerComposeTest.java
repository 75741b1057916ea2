package io.crimecast.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.crimecast.config.CrimecastConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.crimecast.ops.OpsFiles.DOCKER;
import static org.assertj.core.api.Assertions.assertThat;

/** docker/docker-compose.yml and docker/prometheus.yml, parsed and checked against the app. */
class DockerComposeTest {

    private static final Path COMPOSE = DOCKER.resolve("docker-compose.yml");
    private static final Path PROMETHEUS = DOCKER.resolve("prometheus.yml");
    private static final Set<String> APP_SERVICES = Set.of("topics", "crimecast", "trainer");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

    private final JsonNode compose = OpsFiles.yaml(COMPOSE);
    private final JsonNode services = compose.path("services");

    private JsonNode service(String name) {
        JsonNode s = services.path(name);
        assertThat(s.isObject()).as("service %s in %s", name, COMPOSE).isTrue();
        return s;
    }

    /** Compose interpolation with the file's defaults, as on a machine where the variables are unset. */
    static String interpolate(String value) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A service's environment, in either the map or the list form. */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode e = service.path("environment");
        if (e.isObject()) {
            e.fields().forEachRemaining(f -> env.put(f.getKey(), interpolate(f.getValue().asText())));
        } else if (e.isArray()) {
            e.forEach(n -> {
                String[] kv = n.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? interpolate(kv[1]) : "");
            });
        }
        return env;
    }

    static List<String> command(JsonNode service) {
        JsonNode c = service.path("command");
        return c.isArray() ? OpsFiles.strings(c) : Arrays.asList(c.asText().trim().split("\\s+"));
    }

    /** The host:port addresses the broker advertises on the listener the other services use. */
    private List<String> advertisedPlaintext() {
        Map<String, String> k = environment(service("kafka"));
        Map<String, String> protocols = new LinkedHashMap<>();
        for (String p : k.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
            String[] kv = p.split(":");
            protocols.put(kv[0], kv[1]);
        }
        List<String> out = new ArrayList<>();
        for (String l : k.get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
            String name = l.substring(0, l.indexOf("://"));
            URI uri = URI.create("kafka://" + l.substring(l.indexOf("://") + 3));
            if ("PLAINTEXT".equals(protocols.get(name)) && services.has(uri.getHost())) {
                out.add(uri.getHost() + ":" + uri.getPort());
            }
        }
        return out;
    }

    @Test
    void hasTheBrokerTopicsAppTrainerAndPrometheus() {
        assertThat(iterable(services.fieldNames())).contains("kafka", "topics", "crimecast", "trainer", "prometheus");
        assertThat(service("kafka").path("image").asText()).startsWith("apache/kafka:4.");
        assertThat(service("prometheus").path("image").asText()).startsWith("prom/prometheus:");
        APP_SERVICES.forEach(s -> {
            assertThat(service(s).path("image").asText()).as("image of %s", s).isEqualTo("crimecast:dev");
            assertThat(service(s).path("build").path("dockerfile").asText()).isEqualTo("docker/Dockerfile");
            Path context = DOCKER.resolve(service(s).path("build").path("context").asText()).normalize();
            assertThat(context.resolve("docker/Dockerfile")).as("build context of %s", s).isRegularFile();
        });
    }

    @Test
    void brokerIsASingleKraftNodeWithAPlaintextListenerForTheOtherServices() {
        Map<String, String> k = environment(service("kafka"));
        assertThat(k.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(k.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).startsWith(k.get("KAFKA_NODE_ID") + "@");
        assertThat(k.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).isEqualTo("1");
        assertThat(k.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")).isEqualTo("1");
        assertThat(advertisedPlaintext()).containsExactly("kafka:9092");
    }

    @Test
    void everyCommandIsOneTheCliHasAndPointsAtTheBroker() {
        List<String> brokers = advertisedPlaintext();
        Map<String, String> commands = new LinkedHashMap<>();
        for (String s : APP_SERVICES) {
            OpsFiles.Invocation inv = OpsFiles.invocation(command(service(s)), COMPOSE + " service " + s);
            commands.put(s, inv.command());
            assertThat(inv.value("--bootstrap")).as("--bootstrap of %s", s).isIn(brokers);
            String envBootstrap = environment(service(s)).get(CrimecastConfig.ENV_BOOTSTRAP);
            if (envBootstrap != null) {
                assertThat(envBootstrap).as("%s of %s", CrimecastConfig.ENV_BOOTSTRAP, s).isEqualTo(inv.value("--bootstrap"));
            }
            inv.values("--region").forEach(r -> assertThat(r).as("region of %s (bundled)", s).isIn(OpsFiles.bundledRegions()));
        }
        assertThat(commands).containsEntry("topics", "topics create").containsEntry("crimecast", "run").containsEntry("trainer", "train");
    }

    @Test
    void everyCommandParsesWithTheCli() {
        List<List<String>> used = APP_SERVICES.stream().sorted().map(s -> command(service(s))).toList();
        used.forEach(a -> assertThat(a).isNotEmpty());
        used.forEach(a -> OpsFiles.invocation(a, COMPOSE));
    }

    @Test
    void appRegionsFromFlagsAndEnvironmentAgree() {
        JsonNode app = service("crimecast");
        OpsFiles.Invocation inv = OpsFiles.invocation(command(app), COMPOSE);
        List<String> envRegions = List.of(environment(app).get(CrimecastConfig.ENV_REGIONS).split(","));
        assertThat(inv.values("--region")).containsExactlyElementsOf(envRegions);
        assertThat(envRegions).isNotEmpty().allSatisfy(r -> assertThat(r).isIn(OpsFiles.bundledRegions()));
    }

    @Test
    void trainerRunsOnDemandAndPublishesEveryModel() {
        JsonNode trainer = service("trainer");
        assertThat(OpsFiles.strings(trainer.path("profiles"))).isNotEmpty();
        OpsFiles.Invocation inv = OpsFiles.invocation(command(trainer), COMPOSE);
        assertThat(inv.options()).containsKey("--publish");
        assertThat(inv.value("--model")).isEqualTo("all");
        assertThat(inv.value("--from")).isEqualTo("topic");
        assertThat(environment(trainer)).containsKey(CrimecastConfig.ENV_MODEL_SIGNING_KEY);
        assertThat(environment(trainer).get(CrimecastConfig.ENV_MODEL_SIGNING_KEY))
                .isEqualTo(environment(service("crimecast")).get(CrimecastConfig.ENV_MODEL_SIGNING_KEY));
        assertThat(trainer.path("depends_on").path("topics").path("condition").asText()).isEqualTo("service_completed_successfully");
    }

    @Test
    void everyCrimecastVariableIsOneTheAppReads() {
        for (String s : APP_SERVICES) {
            environment(service(s)).keySet().stream().filter(k -> k.startsWith("CRIMECAST_"))
                    .forEach(k -> OpsFiles.assertKnownEnv(k, COMPOSE + " service " + s));
        }
        OpsFiles.crimecastWordsIn(COMPOSE).forEach(w -> OpsFiles.assertKnownEnv(w, COMPOSE));
        OpsFiles.crimecastWordsIn(DOCKER.resolve("README.md")).forEach(w -> OpsFiles.assertKnownEnv(w, "docker/README.md"));
    }

    @Test
    void appPublishesItsHttpPortAndIsHealthyOnlyWhenReady() {
        JsonNode app = service("crimecast");
        Map<String, String> env = environment(app);
        int port = Integer.parseInt(env.getOrDefault(CrimecastConfig.ENV_HTTP_PORT, String.valueOf(CrimecastConfig.DEFAULT_HTTP_PORT)));
        assertThat(port).isEqualTo(CrimecastConfig.DEFAULT_HTTP_PORT);
        assertThat(OpsFiles.strings(app.path("ports"))).anySatisfy(p -> assertThat(p).endsWith(":" + port));
        List<String> test = OpsFiles.strings(app.path("healthcheck").path("test"));
        String url = test.stream().filter(t -> t.startsWith("http")).findFirst().orElseThrow();
        URI uri = URI.create(url);
        assertThat(uri.getPath()).isEqualTo(OpsEndpoints.READY);
        assertThat(uri.getPort()).isEqualTo(port);
        assertThat(test).contains("curl", "-fsS");
        assertThat(app.path("depends_on").path("topics").path("condition").asText()).isEqualTo("service_completed_successfully");
        assertThat(service("topics").path("depends_on").path("kafka").path("condition").asText()).isEqualTo("service_healthy");
    }

    @Test
    void appKeepsItsStateInAVolumeAtTheStateDir() {
        JsonNode app = service("crimecast");
        String stateDir = environment(app).get(CrimecastConfig.ENV_STATE_DIR);
        assertThat(stateDir).isNotBlank();
        assertThat(OpsFiles.strings(app.path("volumes"))).anySatisfy(v -> {
            String[] parts = v.split(":");
            assertThat(parts[1]).isEqualTo(stateDir);
            assertThat(compose.path("volumes").has(parts[0])).as("named volume %s declared", parts[0]).isTrue();
        });
        assertThat(app.path("stop_grace_period").asText()).matches("[0-9]+[ms]");
    }

    @Test
    void memoryLimitsLeaveRoomForDl4jNativeMemory() {
        JsonNode app = service("crimecast");
        OpsFiles.assertMemoryFits(environment(app).get("JAVA_TOOL_OPTIONS"), app.path("mem_limit").asText(), null, "compose crimecast");
        JsonNode trainer = service("trainer");
        OpsFiles.assertMemoryFits(environment(trainer).get("JAVA_TOOL_OPTIONS"), trainer.path("mem_limit").asText(), null, "compose trainer");
    }

    @Test
    void prometheusScrapesTheAppsMetricsEndpoint() {
        JsonNode prom = service("prometheus");
        String mount = OpsFiles.strings(prom.path("volumes")).stream().filter(v -> v.contains("prometheus.yml")).findFirst().orElseThrow();
        assertThat(DOCKER.resolve(mount.split(":")[0]).normalize()).isEqualTo(PROMETHEUS);
        assertThat(OpsFiles.strings(prom.path("command"))).contains("--config.file=" + mount.split(":")[1]);

        JsonNode jobs = OpsFiles.yaml(PROMETHEUS).path("scrape_configs");
        assertThat(jobs.size()).isPositive();
        JsonNode job = jobs.get(0);
        assertThat(job.path("metrics_path").asText()).isEqualTo(OpsEndpoints.METRICS);
        List<String> targets = OpsFiles.strings(job.path("static_configs").get(0).path("targets"));
        int port = Integer.parseInt(environment(service("crimecast")).get(CrimecastConfig.ENV_HTTP_PORT));
        assertThat(targets).containsExactly("crimecast:" + port);
    }

    @Test
    void topicsNamedInTheComposeFileAreDeclared() {
        // The app's topics are not configurable by environment; any --topic or *TOPIC* setting must name a declared one.
        for (String s : APP_SERVICES) {
            List<String> args = command(service(s));
            for (int i = 0; i < args.size() - 1; i++) {
                if (args.get(i).matches("--.*topic.*")) {
                    assertThat(args.get(i + 1)).isIn(OpsFiles.declaredTopics());
                }
            }
            environment(service(s)).forEach((k, v) -> {
                if (k.contains("TOPIC")) {
                    assertThat(v).isIn(OpsFiles.declaredTopics());
                }
            });
        }
        // and the topics the app itself uses, which `topics create` (run by the compose file) must create
        for (var c : io.crimecast.topics.TopicNames.class.getRecordComponents()) {
            try {
                assertThat((String) c.getAccessor().invoke(io.crimecast.topics.TopicNames.DEFAULT))
                        .as("TopicNames.%s", c.getName()).isIn(OpsFiles.declaredTopics());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        List<T> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }
}
