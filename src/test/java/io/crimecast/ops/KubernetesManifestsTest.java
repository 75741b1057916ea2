package io.crimecast.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.crimecast.config.CrimecastConfig;
import io.crimecast.grid.RegionSpec;
import io.crimecast.grid.Regions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.crimecast.ops.OpsFiles.K8S;
import static io.crimecast.ops.OpsFiles.K8S_BASE;
import static org.assertj.core.api.Assertions.assertThat;

/** k8s/ (Kustomize base and example overlay), parsed and checked against the app. No cluster needed. */
class KubernetesManifestsTest {

    static final Path BASE_KUSTOMIZATION = K8S_BASE.resolve("kustomization.yaml");
    static final Path OVERLAY = K8S.resolve("overlays/example");
    static final String CONFIG = "crimecast-config";
    static final String FILES = "crimecast-files";
    static final String SECRET = "crimecast-secrets";
    private static final Pattern VAR_REF = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private final JsonNode kustomization = OpsFiles.yaml(BASE_KUSTOMIZATION);
    private final List<JsonNode> resources = baseResources();

    // ---------------------------------------------------------------- reading the base

    private List<JsonNode> baseResources() {
        List<JsonNode> docs = new ArrayList<>();
        for (String r : OpsFiles.strings(kustomization.path("resources"))) {
            docs.addAll(OpsFiles.yamlDocuments(K8S_BASE.resolve(r)));
        }
        return docs;
    }

    private List<JsonNode> ofKind(String kind) {
        return resources.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    private JsonNode one(String kind, String name) {
        List<JsonNode> found = ofKind(kind).stream().filter(d -> d.path("metadata").path("name").asText().equals(name)).toList();
        assertThat(found).as("%s %s in the base", kind, name).hasSize(1);
        return found.get(0);
    }

    private JsonNode statefulSet() {
        assertThat(ofKind("StatefulSet")).hasSize(1);
        return ofKind("StatefulSet").get(0);
    }

    private static JsonNode podSpec(JsonNode workload) {
        return switch (workload.path("kind").asText()) {
            case "StatefulSet", "Deployment" -> workload.path("spec").path("template").path("spec");
            case "CronJob" -> workload.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
            default -> throw new AssertionError("not a workload: " + workload.path("kind"));
        };
    }

    private static JsonNode podLabels(JsonNode workload) {
        return switch (workload.path("kind").asText()) {
            case "StatefulSet", "Deployment" -> workload.path("spec").path("template").path("metadata").path("labels");
            default -> workload.path("spec").path("jobTemplate").path("spec").path("template").path("metadata").path("labels");
        };
    }

    private List<JsonNode> workloads() {
        List<JsonNode> w = new ArrayList<>(ofKind("StatefulSet"));
        w.addAll(ofKind("CronJob"));
        return w;
    }

    private static JsonNode container(JsonNode workload) {
        JsonNode cs = podSpec(workload).path("containers");
        assertThat(cs.size()).as("containers of %s", name(workload)).isEqualTo(1);
        return cs.get(0);
    }

    private static String name(JsonNode resource) {
        return resource.path("kind").asText() + "/" + resource.path("metadata").path("name").asText();
    }

    private JsonNode generator(String name) {
        for (JsonNode g : kustomization.path("configMapGenerator")) {
            if (g.path("name").asText().equals(name)) {
                return g;
            }
        }
        throw new AssertionError("no configMapGenerator " + name + " in " + BASE_KUSTOMIZATION);
    }

    /** The environment ConfigMap (literals of the crimecast-config generator). */
    private Map<String, String> configLiterals() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String l : OpsFiles.strings(generator(CONFIG).path("literals"))) {
            String[] kv = l.split("=", 2);
            env.put(kv[0], kv[1]);
        }
        return env;
    }

    /** Keys of the files ConfigMap and the files they come from ("key=path" or a path whose name is the key). */
    private Map<String, Path> fileKeys() {
        Map<String, Path> keys = new LinkedHashMap<>();
        for (String f : OpsFiles.strings(generator(FILES).path("files"))) {
            String[] kv = f.split("=", 2);
            Path p = K8S_BASE.resolve(kv.length == 2 ? kv[1] : kv[0]);
            keys.put(kv.length == 2 ? kv[0] : p.getFileName().toString(), p);
        }
        return keys;
    }

    /** A container's environment as the kubelet builds it: envFrom ConfigMaps, then env (literal values only). */
    private Map<String, String> containerEnv(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String cm = from.path("configMapRef").path("name").asText();
            assertThat(cm).as("envFrom of %s", container.path("name")).isEqualTo(CONFIG);
            env.putAll(configLiterals());
        }
        for (JsonNode e : container.path("env")) {
            env.put(e.path("name").asText(), e.has("value") ? e.path("value").asText() : null);
        }
        return env;
    }

    /** The volume mounted at the deepest mountPath containing path, with the mount. */
    private record Mounted(JsonNode mount, JsonNode volume) {
    }

    private static Optional<Mounted> mountFor(JsonNode workload, JsonNode container, String path) {
        JsonNode best = null;
        for (JsonNode m : container.path("volumeMounts")) {
            if (OpsFiles.under(path, m.path("mountPath").asText())
                    && (best == null || m.path("mountPath").asText().length() > best.path("mountPath").asText().length())) {
                best = m;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String volume = best.path("name").asText();
        for (JsonNode v : podSpec(workload).path("volumes")) {
            if (v.path("name").asText().equals(volume)) {
                return Optional.of(new Mounted(best, v));
            }
        }
        for (JsonNode t : workload.path("spec").path("volumeClaimTemplates")) {
            if (t.path("metadata").path("name").asText().equals(volume)) {
                return Optional.of(new Mounted(best, t));
            }
        }
        throw new AssertionError("volumeMount " + volume + " of " + name(workload) + " has no volume");
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.size() == 0) {
            return false;
        }
        var it = selector.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!labels.path(e.getKey()).asText().equals(e.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- kustomizations

    @Test
    void everyFileAKustomizationNamesExists() {
        List<Path> kustomizations = OpsFiles.filesUnder(K8S).stream().filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList();
        assertThat(kustomizations).contains(BASE_KUSTOMIZATION, OVERLAY.resolve("kustomization.yaml"));
        for (Path k : kustomizations) {
            JsonNode doc = OpsFiles.yaml(k);
            Path dir = k.getParent();
            assertThat(doc.path("kind").asText()).isEqualTo("Kustomization");
            for (String r : OpsFiles.strings(doc.path("resources"))) {
                Path p = dir.resolve(r).normalize();
                assertThat(Files.isRegularFile(p) || Files.isRegularFile(p.resolve("kustomization.yaml")))
                        .as("resource %s of %s", r, k).isTrue();
            }
            for (JsonNode g : doc.path("configMapGenerator")) {
                for (String f : OpsFiles.strings(g.path("files"))) {
                    assertThat(dir.resolve(f.contains("=") ? f.substring(f.indexOf('=') + 1) : f)).as("file of %s", k).isRegularFile();
                }
                for (String l : OpsFiles.strings(g.path("literals"))) {
                    assertThat(l).as("literal of %s", k).matches("[A-Za-z_][A-Za-z0-9_.-]*=.*");
                }
            }
            for (JsonNode p : doc.path("patches")) {
                if (p.has("path")) {
                    assertThat(dir.resolve(p.path("path").asText())).as("patch of %s", k).isRegularFile();
                }
            }
        }
    }

    @Test
    void baseResourcesAreTheExpectedKinds() {
        assertThat(ofKind("StatefulSet")).hasSize(1);
        assertThat(ofKind("Service")).hasSize(2);
        assertThat(ofKind("PodDisruptionBudget")).hasSize(1);
        assertThat(ofKind("CronJob")).isNotEmpty();
        assertThat(ofKind("Secret")).as("secrets are never part of the base").isEmpty();
        resources.forEach(r -> assertThat(r.path("apiVersion").asText()).as("apiVersion of %s", name(r)).isNotBlank());
    }

    @Test
    void theSecretIsReferencedNotCommittedAndTheExampleHasEveryReferencedKey() {
        Path example = K8S_BASE.resolve("secret.example.yaml");
        assertThat(OpsFiles.strings(kustomization.path("resources"))).doesNotContain("secret.example.yaml");
        JsonNode secret = OpsFiles.yaml(example);
        assertThat(secret.path("kind").asText()).isEqualTo("Secret");
        assertThat(secret.path("metadata").path("name").asText()).isEqualTo(SECRET);
        Set<String> referencedKeys = new TreeSet<>();
        Map<String, String> envOfKey = new LinkedHashMap<>();
        for (JsonNode w : workloads()) {
            for (JsonNode e : container(w).path("env")) {
                JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                if (!ref.isMissingNode()) {
                    assertThat(ref.path("name").asText()).as("secret of %s in %s", e.path("name"), name(w)).isEqualTo(SECRET);
                    referencedKeys.add(ref.path("key").asText());
                    envOfKey.put(e.path("name").asText(), ref.path("key").asText());
                }
            }
        }
        assertThat(envOfKey).containsKeys(CrimecastConfig.ENV_MODEL_SIGNING_KEY, CrimecastConfig.ENV_KAFKA_PREFIX + "SASL_JAAS_CONFIG");
        assertThat(OpsFiles.kafkaPropertyOf(CrimecastConfig.ENV_KAFKA_PREFIX + "SASL_JAAS_CONFIG")).isEqualTo("sasl.jaas.config");
        Set<String> exampleKeys = new TreeSet<>();
        secret.path("stringData").fieldNames().forEachRemaining(exampleKeys::add);
        assertThat(exampleKeys).containsExactlyElementsOf(referencedKeys);
        secret.path("stringData").forEach(v -> assertThat(v.asText()).contains("CHANGE-ME"));
        // secrets must not be in the ConfigMap either
        assertThat(configLiterals()).doesNotContainKeys(CrimecastConfig.ENV_MODEL_SIGNING_KEY, CrimecastConfig.ENV_KAFKA_PREFIX + "SASL_JAAS_CONFIG");
    }

    @Test
    void everyWorkloadRequiresTheModelSigningKeySoUnsignedBundlesAreRefused() {
        for (JsonNode w : workloads()) {
            JsonNode key = null;
            for (JsonNode e : container(w).path("env")) {
                if (e.path("name").asText().equals(CrimecastConfig.ENV_MODEL_SIGNING_KEY)) {
                    key = e.path("valueFrom").path("secretKeyRef");
                }
            }
            assertThat(key).as("%s in %s", CrimecastConfig.ENV_MODEL_SIGNING_KEY, name(w)).isNotNull();
            assertThat(key.path("optional").asBoolean(false)).as("a pod without the key must not start: %s", name(w)).isFalse();
        }
    }

    // ---------------------------------------------------------------- environment, commands

    @Test
    void everyCrimecastVariableIsOneTheAppReads() {
        configLiterals().keySet().forEach(k -> OpsFiles.assertKnownEnv(k, BASE_KUSTOMIZATION));
        for (JsonNode w : workloads()) {
            containerEnv(container(w)).keySet().stream().filter(k -> k.startsWith("CRIMECAST_"))
                    .forEach(k -> OpsFiles.assertKnownEnv(k, name(w)));
            containerEnv(container(w)).keySet().forEach(k -> assertThat(k).as("variable in %s", name(w))
                    .matches("CRIMECAST_[A-Z0-9_]+|JAVA_TOOL_OPTIONS"));
        }
        for (Path f : OpsFiles.filesUnder(K8S)) {
            OpsFiles.crimecastWordsIn(f).forEach(w -> OpsFiles.assertKnownEnv(w, f));
        }
    }

    @Test
    void podsAreStaticGroupMembersNamedAfterThemselvesWithTimeoutsTheAppAccepts() {
        JsonNode instanceId = null;
        for (JsonNode e : container(statefulSet()).path("env")) {
            if (e.path("name").asText().equals(CrimecastConfig.ENV_INSTANCE_ID)) {
                instanceId = e;
            }
        }
        assertThat(instanceId).as("%s in the StatefulSet", CrimecastConfig.ENV_INSTANCE_ID).isNotNull();
        // the pod name: stable across restarts of a StatefulSet's pod, unique within it
        assertThat(instanceId.path("valueFrom").path("fieldRef").path("fieldPath").asText()).isEqualTo("metadata.name");
        for (JsonNode cj : ofKind("CronJob")) {
            assertThat(containerEnv(container(cj))).as("a trainer is no group member").doesNotContainKey(CrimecastConfig.ENV_INSTANCE_ID);
        }

        Map<String, String> env = new LinkedHashMap<>(configLiterals());
        env.remove(CrimecastConfig.ENV_CLIENT_PROPERTIES); // a path in the pod
        CrimecastConfig config = CrimecastConfig.fromEnvironment(env);
        // Between the brokers' default group.min/max.session.timeout.ms (6 s, 30 min), and long enough for a restart.
        assertThat(config.sessionTimeout()).isBetween(java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(30));
        assertThat(env).containsKeys(CrimecastConfig.ENV_SESSION_TIMEOUT, CrimecastConfig.ENV_BROKER_UNREACHABLE_TIMEOUT);
        // Readiness fails after the timeout plus up to failureThreshold probes: under two minutes in all.
        JsonNode readiness = container(statefulSet()).path("readinessProbe");
        long secondsToNotReady = config.brokerUnreachableTimeout().toSeconds()
                + readiness.path("periodSeconds").asLong() * readiness.path("failureThreshold").asLong();
        assertThat(secondsToNotReady).isLessThan(120);
    }

    @Test
    void argumentsAreCliCommandsAndTheirReferencesResolve() {
        OpsFiles.Invocation run = OpsFiles.invocation(OpsFiles.strings(container(statefulSet()).path("args")), name(statefulSet()));
        assertThat(run.command()).isEqualTo("run");
        for (JsonNode cj : ofKind("CronJob")) {
            OpsFiles.Invocation train = OpsFiles.invocation(OpsFiles.strings(container(cj).path("args")), name(cj));
            assertThat(train.command()).isEqualTo("train");
            assertThat(train.value("--model")).isEqualTo("all");
            assertThat(train.value("--from")).isEqualTo("topic");
            assertThat(train.options()).containsKey("--publish");
            assertThat(containerEnv(container(cj))).containsKey(CrimecastConfig.ENV_MODEL_SIGNING_KEY);
        }
        for (JsonNode w : workloads()) {
            JsonNode c = container(w);
            assertThat(c.has("command")).as("%s keeps the image's ENTRYPOINT (java -jar)", name(w)).isFalse();
            Map<String, String> env = containerEnv(c);
            for (String a : OpsFiles.strings(c.path("args"))) {
                Matcher m = VAR_REF.matcher(a);
                while (m.find()) {
                    // the kubelet leaves an undefined $(VAR) as it is: the app would get the literal text
                    assertThat(env).as("$(%s) in the args of %s", m.group(1), name(w)).containsKey(m.group(1));
                }
            }
            OpsFiles.Invocation inv = OpsFiles.invocation(OpsFiles.strings(c.path("args")), name(w));
            inv.values("--bootstrap").forEach(b -> assertThat(b).isEqualTo("$(" + CrimecastConfig.ENV_BOOTSTRAP + ")"));
            assertThat(c.path("image").asText()).isEqualTo(kustomization.path("images").get(0).path("name").asText());
        }
    }

    @Test
    void everyCommandParsesWithTheCli() {
        List<List<String>> used = workloads().stream().map(w -> OpsFiles.strings(container(w).path("args"))).toList();
        used.forEach(a -> OpsFiles.invocation(a, K8S));
    }

    @Test
    void topicsNamedInTheManifestsAreDeclared() {
        for (JsonNode w : workloads()) {
            List<String> args = OpsFiles.strings(container(w).path("args"));
            for (int i = 0; i < args.size() - 1; i++) {
                if (args.get(i).matches("--.*topic.*")) {
                    assertThat(args.get(i + 1)).as("topic in %s", name(w)).isIn(OpsFiles.declaredTopics());
                }
            }
            containerEnv(container(w)).forEach((k, v) -> {
                if (k.contains("TOPIC")) {
                    assertThat(v).as("%s in %s", k, name(w)).isIn(OpsFiles.declaredTopics());
                }
            });
        }
    }

    // ---------------------------------------------------------------- the StatefulSet

    @Test
    void statefulSetKeepsTheStateDirOnAPerPodVolume() {
        JsonNode sts = statefulSet();
        String stateDir = configLiterals().get(CrimecastConfig.ENV_STATE_DIR);
        assertThat(stateDir).isNotBlank();
        Mounted m = mountFor(sts, container(sts), stateDir).orElseThrow(() -> new AssertionError(stateDir + " is not mounted in " + name(sts)));
        assertThat(m.mount().path("mountPath").asText()).isEqualTo(stateDir);
        assertThat(m.mount().path("readOnly").asBoolean(false)).isFalse();
        assertThat(m.volume().path("spec").path("accessModes").get(0).asText())
                .as("state volume is a volumeClaimTemplate (one PVC per ordinal)").isEqualTo("ReadWriteOnce");
        // the same directory the image declares as its VOLUME
        assertThat(DockerfileTest.runtimeEnv().get(CrimecastConfig.ENV_STATE_DIR)).isEqualTo(stateDir);
        assertThat(podSpec(sts).path("terminationGracePeriodSeconds").asInt()).as("seconds for a clean KafkaStreams.close()").isGreaterThanOrEqualTo(120);
    }

    @Test
    void probesUseTheAppsHealthEndpointsOnItsHttpPort() {
        JsonNode sts = statefulSet();
        JsonNode c = container(sts);
        int port = Integer.parseInt(configLiterals().getOrDefault(CrimecastConfig.ENV_HTTP_PORT, String.valueOf(CrimecastConfig.DEFAULT_HTTP_PORT)));
        assertThat(port).isEqualTo(CrimecastConfig.DEFAULT_HTTP_PORT);
        assertThat(c.path("ports")).hasSize(1);
        JsonNode p = c.path("ports").get(0);
        assertThat(p.path("containerPort").asInt()).isEqualTo(port);
        String portName = p.path("name").asText();

        assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo(OpsEndpoints.LIVE);
        assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo(OpsEndpoints.READY);
        assertThat(c.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo(OpsEndpoints.LIVE);
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            JsonNode target = c.path(probe).path("httpGet").path("port");
            assertThat(target.isNumber() ? String.valueOf(target.asInt()) : target.asText()).as(probe).isIn(portName, String.valueOf(port));
        }
        JsonNode startup = c.path("startupProbe");
        assertThat(startup.path("periodSeconds").asInt() * startup.path("failureThreshold").asInt())
                .as("seconds allowed for JVM + ND4J start-up").isGreaterThanOrEqualTo(120);
    }

    @Test
    void resourcesFollowTheMeasuredMemory() {
        for (JsonNode w : workloads()) {
            JsonNode c = container(w);
            JsonNode res = c.path("resources");
            OpsFiles.assertMemoryFits(containerEnv(c).get("JAVA_TOOL_OPTIONS"), res.path("limits").path("memory").asText(),
                    res.path("requests").path("memory").asText(), name(w));
        }
        JsonNode res = container(statefulSet()).path("resources");
        assertThat(OpsFiles.bytes(res.path("requests").path("memory").asText())).isEqualTo(OpsFiles.bytes("1.5Gi"));
        assertThat(OpsFiles.bytes(res.path("limits").path("memory").asText())).isEqualTo(OpsFiles.bytes("2Gi"));
    }

    @Test
    void podsRunAsTheImagesNonRootUserWithAReadOnlyRootFilesystem() {
        int uid = DockerfileTest.uid();
        for (JsonNode w : workloads()) {
            JsonNode pod = podSpec(w).path("securityContext");
            assertThat(pod.path("runAsNonRoot").asBoolean()).as("runAsNonRoot of %s", name(w)).isTrue();
            assertThat(pod.path("runAsUser").asInt()).as("runAsUser of %s", name(w)).isEqualTo(uid).isNotZero();
            JsonNode c = container(w);
            JsonNode sc = c.path("securityContext");
            assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as("readOnlyRootFilesystem of %s", name(w)).isTrue();
            assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as("allowPrivilegeEscalation of %s", name(w)).isFalse();
            assertThat(OpsFiles.strings(sc.path("capabilities").path("drop"))).as("dropped capabilities of %s", name(w)).contains("ALL");
            if (sc.has("runAsUser")) {
                assertThat(sc.path("runAsUser").asInt()).isNotZero();
            }
            if (sc.has("runAsNonRoot")) {
                assertThat(sc.path("runAsNonRoot").asBoolean()).isTrue();
            }
            // with a read-only root, everything the JVM writes must be a writable mount
            List<String> writable = new ArrayList<>(List.of("/tmp"));
            writable.add(OpsFiles.jvmOption(containerEnv(c).get("JAVA_TOOL_OPTIONS"), "-Dorg.bytedeco.javacpp.cachedir="));
            if (w.path("kind").asText().equals("StatefulSet")) {
                writable.add(configLiterals().get(CrimecastConfig.ENV_STATE_DIR));
            }
            for (String path : writable) {
                Mounted m = mountFor(w, c, path).orElseThrow(() -> new AssertionError(path + " is not mounted in " + name(w)));
                assertThat(m.mount().path("readOnly").asBoolean(false)).as("%s in %s", path, name(w)).isFalse();
                if (path.startsWith("/tmp")) {
                    assertThat(m.volume().has("emptyDir")).as("%s in %s is an emptyDir", path, name(w)).isTrue();
                }
            }
        }
    }

    // ---------------------------------------------------------------- Services, PDB

    @Test
    void headlessServiceGovernsTheStatefulSet() {
        JsonNode sts = statefulSet();
        JsonNode svc = one("Service", sts.path("spec").path("serviceName").asText());
        assertThat(svc.path("spec").path("clusterIP").asText()).isEqualTo("None");
        assertThat(selects(svc.path("spec").path("selector"), podLabels(sts))).isTrue();
        assertThat(selects(sts.path("spec").path("selector").path("matchLabels"), podLabels(sts))).isTrue();
        String portName = container(sts).path("ports").get(0).path("name").asText();
        assertThat(svc.path("spec").path("ports").get(0).path("targetPort").asText()).isEqualTo(portName);
    }

    @Test
    void metricsServiceCarriesThePrometheusScrapeAnnotations() {
        JsonNode sts = statefulSet();
        List<JsonNode> annotated = ofKind("Service").stream()
                .filter(s -> s.path("metadata").path("annotations").has("prometheus.io/scrape")).toList();
        assertThat(annotated).hasSize(1);
        JsonNode svc = annotated.get(0);
        JsonNode a = svc.path("metadata").path("annotations");
        assertThat(a.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(a.path("prometheus.io/path").asText()).isEqualTo(OpsEndpoints.METRICS);
        int containerPort = container(sts).path("ports").get(0).path("containerPort").asInt();
        assertThat(Integer.parseInt(a.path("prometheus.io/port").asText())).isEqualTo(containerPort);
        assertThat(selects(svc.path("spec").path("selector"), podLabels(sts))).isTrue();
        assertThat(svc.path("spec").path("ports").get(0).path("targetPort").asText())
                .isEqualTo(container(sts).path("ports").get(0).path("name").asText());
    }

    @Test
    void disruptionBudgetCoversOnlyTheStreamingPods() {
        JsonNode pdb = ofKind("PodDisruptionBudget").get(0);
        assertThat(pdb.path("spec").path("maxUnavailable").asInt()).isEqualTo(1);
        JsonNode selector = pdb.path("spec").path("selector").path("matchLabels");
        assertThat(selects(selector, podLabels(statefulSet()))).isTrue();
        ofKind("CronJob").forEach(cj -> assertThat(selects(selector, podLabels(cj))).as("PDB selects %s", name(cj)).isFalse());
        ofKind("Service").forEach(s -> ofKind("CronJob").forEach(cj ->
                assertThat(selects(s.path("spec").path("selector"), podLabels(cj))).as("%s selects %s", name(s), name(cj)).isFalse()));
    }

    // ---------------------------------------------------------------- ConfigMaps

    @Test
    void regionFilesAreCopiesOfTheBundledRegionsAndLoad() throws IOException {
        Map<String, Path> keys = fileKeys();
        Set<String> regionKeys = new TreeSet<>();
        for (Map.Entry<String, Path> e : keys.entrySet()) {
            if (!e.getKey().endsWith(".yaml")) {
                continue;
            }
            regionKeys.add(e.getKey());
            String name = e.getKey().substring(0, e.getKey().length() - ".yaml".length());
            Path bundled = OpsFiles.BUNDLED_REGIONS.resolve(e.getKey());
            assertThat(bundled).as("bundled region for %s", e.getValue()).isRegularFile();
            assertThat(OpsFiles.yaml(e.getValue())).as("%s vs %s", e.getValue(), bundled).isEqualTo(OpsFiles.yaml(bundled));
            RegionSpec spec = Regions.parse(Files.readAllBytes(e.getValue()), e.getValue().toString());
            assertThat(spec.name()).isEqualTo(name);
        }
        assertThat(regionKeys).isNotEmpty();
    }

    @Test
    void regionAndClientPropertiesPathsPointIntoTheMountedFiles() {
        Map<String, String> env = configLiterals();
        Map<String, Path> keys = fileKeys();
        for (JsonNode w : workloads()) {
            JsonNode c = container(w);
            List<String> paths = new ArrayList<>();
            paths.add(env.get(CrimecastConfig.ENV_CLIENT_PROPERTIES));
            for (String r : env.get(CrimecastConfig.ENV_REGIONS).split(",")) {
                if (!OpsFiles.bundledRegions().contains(r.trim())) {
                    paths.add(r.trim());
                }
            }
            OpsFiles.invocation(OpsFiles.strings(c.path("args")), name(w)).values("--region").stream()
                    .filter(r -> !OpsFiles.bundledRegions().contains(r)).forEach(paths::add);
            for (String path : paths) {
                Mounted m = mountFor(w, c, path).orElseThrow(() -> new AssertionError(path + " is not mounted in " + name(w)));
                assertThat(m.volume().path("configMap").path("name").asText()).as("volume for %s in %s", path, name(w)).isEqualTo(FILES);
                String key = Path.of(m.mount().path("mountPath").asText()).relativize(Path.of(path)).toString();
                assertThat(keys).as("key for %s in %s", path, name(w)).containsKey(key);
            }
        }
    }

    @Test
    void clientPropertiesAreKafkaSettingsWithoutSecrets() throws IOException {
        String file = Path.of(configLiterals().get(CrimecastConfig.ENV_CLIENT_PROPERTIES)).getFileName().toString();
        Path path = fileKeys().get(file);
        assertThat(path).isNotNull().isRegularFile();
        Properties p = new Properties();
        p.load(new StringReader(OpsFiles.read(path)));
        assertThat(p.stringPropertyNames()).isNotEmpty();
        assertThat(OpsFiles.kafkaConfigNames()).containsAll(p.stringPropertyNames());
        assertThat(p.stringPropertyNames()).doesNotContain("sasl.jaas.config", "ssl.keystore.password", "ssl.key.password");
    }

    // ---------------------------------------------------------------- retraining

    @Test
    void everyRegionIsRetrainedAfterItsDayClosesInItsOwnTimeZone() {
        Map<String, Path> keys = fileKeys();
        Set<String> trained = new TreeSet<>();
        for (JsonNode cj : ofKind("CronJob")) {
            JsonNode spec = cj.path("spec");
            assertThat(spec.path("concurrencyPolicy").asText()).isEqualTo("Forbid");
            assertThat(podSpec(cj).path("restartPolicy").asText()).isEqualTo("Never");
            assertThat(spec.path("schedule").asText().split("\\s+")).hasSize(5);
            String region = OpsFiles.invocation(OpsFiles.strings(container(cj).path("args")), name(cj)).value("--region");
            trained.add(region);
            String key = Path.of(region).getFileName().toString();
            RegionSpec r = OpsFiles.bundledRegions().contains(region) ? Regions.load(region)
                    : Regions.parse(OpsFiles.read(keys.get(key)).getBytes(), region);
            assertThat(spec.path("timeZone").asText()).as("timeZone of %s", name(cj)).isEqualTo(r.timeZone().getId());
        }
        List<String> regions = List.of(configLiterals().get(CrimecastConfig.ENV_REGIONS).split(","));
        assertThat(trained).containsExactlyInAnyOrderElementsOf(regions);
    }

    // ---------------------------------------------------------------- the example overlay

    @Test
    void overlayRefersToTheBaseAndPatchesThingsThatExist() {
        JsonNode overlay = OpsFiles.yaml(OVERLAY.resolve("kustomization.yaml"));
        assertThat(OpsFiles.strings(overlay.path("resources"))).containsExactly("../../base");
        assertThat(overlay.path("namespace").asText()).isNotBlank();
        String image = kustomization.path("images").get(0).path("name").asText();
        assertThat(overlay.path("images").get(0).path("name").asText()).isEqualTo(image);
        assertThat(overlay.path("images").get(0).path("newTag").asText()).isNotBlank().isNotEqualTo("latest");
        String sts = statefulSet().path("metadata").path("name").asText();
        assertThat(overlay.path("replicas").get(0).path("name").asText()).isEqualTo(sts);
        int partitions = OpsFiles.yaml(OpsFiles.TOPICS_YAML).path("topics").get(0).path("partitions").asInt();
        assertThat(overlay.path("replicas").get(0).path("count").asInt()).as("more pods than incidents partitions would idle")
                .isBetween(1, partitions);
        for (JsonNode p : overlay.path("patches")) {
            JsonNode target = p.path("target");
            one(target.path("kind").asText(), target.path("name").asText());
            JsonNode patch = OpsFiles.yaml(OVERLAY.resolve(p.path("path").asText()));
            assertThat(patch.path("metadata").path("name").asText()).isEqualTo(target.path("name").asText());
            for (JsonNode t : patch.path("spec").path("volumeClaimTemplates")) {
                Set<String> baseTemplates = new TreeSet<>();
                statefulSet().path("spec").path("volumeClaimTemplates").forEach(b -> baseTemplates.add(b.path("metadata").path("name").asText()));
                assertThat(baseTemplates).contains(t.path("metadata").path("name").asText());
            }
        }
        for (JsonNode g : overlay.path("configMapGenerator")) {
            generator(g.path("name").asText());
            assertThat(g.path("behavior").asText()).isIn("merge", "replace");
            for (String l : OpsFiles.strings(g.path("literals"))) {
                OpsFiles.assertKnownEnv(l.substring(0, l.indexOf('=')), OVERLAY);
            }
        }
    }
}
