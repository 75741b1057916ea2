package io.crimecast.it;

import io.crimecast.ops.LocalKafkaBroker;
import io.crimecast.replay.BundledData;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CrimeCast on an authenticated, authorised cluster: a SASL_SSL listener with SCRAM-SHA-512 users and certificates
 * made here with keytool, the StandardAuthorizer with ACLs per user. The commands work with their credentials
 * (standard client properties, {@code --client-properties}), are refused without, and the app's user reaches only
 * its own topics, group and transactional ids. No password appears in any command's output.
 */
class SecureClusterIT {
    private static final String STORE_PASSWORD = "store-pw-4471";
    private static final Map<String, String> USERS = Map.of("admin", "admin-pw-9137", "crimecast", "app-pw-2286",
            "dispatch", "dispatch-pw-5521", "trainer", "trainer-pw-7730");
    private static final Duration LIMIT = Duration.ofSeconds(120);
    /** The app and the trainer share it: bundles are signed and checked. */
    private static final Map<String, String> SIGNING = Map.of("CRIMECAST_MODEL_SIGNING_KEY", "signing-key-6650");

    @TempDir
    static Path dir;
    static LocalKafkaBroker broker;
    static Path truststore;

    @BeforeAll
    static void startSecuredBroker() throws Exception {
        Path keystore = dir.resolve("broker.p12");
        truststore = dir.resolve("truststore.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        Path cert = dir.resolve("broker.crt");
        keytool("-exportcert", "-alias", "broker", "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD, "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", cert.toString(), "-keystore", truststore.toString(),
                "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);

        Properties b = new Properties();
        b.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        b.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
        b.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", jaas("admin"));
        b.put("ssl.keystore.type", "PKCS12");
        b.put("ssl.keystore.location", keystore.toString());
        b.put("ssl.keystore.password", STORE_PASSWORD);
        b.put("ssl.truststore.type", "PKCS12");
        b.put("ssl.truststore.location", truststore.toString());
        b.put("ssl.truststore.password", STORE_PASSWORD);
        b.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // The controller listener stays PLAINTEXT on loopback; its principal is ANONYMOUS, which the broker needs as a super user.
        b.put("super.users", "User:admin;User:ANONYMOUS");
        b.put("allow.everyone.if.no.acl.found", "false");
        List<String> scram = new ArrayList<>();
        USERS.forEach((user, password) -> scram.addAll(List.of("--add-scram", "SCRAM-SHA-512=[name=%s,password=%s]".formatted(user, password))));
        broker = LocalKafkaBroker.start(0, dir.resolve("kafka"), "SASL_SSL", b, scram);

        try (Admin admin = Admin.create(client("admin", USERS.get("admin")))) {
            admin.createAcls(appAcls()).all().get();
            admin.createTopics(List.of(new NewTopic("payroll", 1, (short) 1))).all().get();
        }
        for (String user : USERS.keySet()) {
            writeProperties(user, USERS.get(user));
        }
        writeProperties("intruder", "guessed-password");
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void commandsWorkWithCredentialsAreRefusedWithoutAndTheAppReachesOnlyItsOwnTopics() throws Exception {
        Path logs = dir.resolve("logs");
        JarProcess.Finished refused = JarProcess.run(logs, LIMIT, "topics", "create", "--bootstrap", broker.bootstrapServers(),
                "--client-properties", properties("intruder").toString());
        assertThat(refused.exitCode()).as(refused.output()).isNotZero();
        assertThat(refused.output()).containsIgnoringCase("authentication failed");
        JarProcess.Finished created = JarProcess.run(logs, LIMIT, "topics", "create", "--bootstrap", broker.bootstrapServers(),
                "--client-properties", properties("admin").toString());
        assertThat(created.exitCode()).as(created.output()).isZero();

        List<String> outputs = new ArrayList<>(List.of(refused.output(), created.output()));
        int httpPort = JarProcess.freeLoopbackPort();
        try (JarProcess run = JarProcess.start(logs, SIGNING, "run", "--region", "philadelphia", "--bootstrap", broker.bootstrapServers(),
                "--client-properties", properties("crimecast").toString(), "--state-dir", dir.resolve("state").toString(),
                "--http-port", Integer.toString(httpPort))) {
            run.awaitHttp200("http://127.0.0.1:" + httpPort + "/health/ready", LIMIT);
            Path month = Path.of(SecureClusterIT.class.getResource("/data/incidents_2021_03.csv.gz").toURI());
            JarProcess.Finished intruderReplay = JarProcess.run(logs, LIMIT, "replay", "--region", "philadelphia", "--format", "philadelphia",
                    month.toString(), "--bootstrap", broker.bootstrapServers(), "--client-properties", properties("intruder").toString());
            assertThat(intruderReplay.exitCode()).as(intruderReplay.output()).isNotZero();
            JarProcess.Finished replay = JarProcess.run(logs, LIMIT, "replay", "--region", "philadelphia", "--format", "philadelphia",
                    month.toString(), "--bootstrap", broker.bootstrapServers(), "--client-properties", properties("dispatch").toString());
            assertThat(replay.exitCode()).as(replay.output()).isZero();
            assertThat(closedCellDays()).as("the app counted the replay under its own user").isGreaterThanOrEqualTo(20 * 42);

            Path portland = BundledData.forRegion("portland").copyTo(dir);
            JarProcess.Finished train = JarProcess.run(logs, SIGNING, Duration.ofMinutes(4), "train", "--region", "portland", "--model", "rnn",
                    "--from", portland.toString(), "--format", "portland-nij", "--max-epochs", "1", "--publish", "--force",
                    "--bootstrap", broker.bootstrapServers(), "--client-properties", properties("trainer").toString());
            assertThat(train.exitCode()).as(train.output()).isZero();
            assertThat(train.output()).containsPattern("published rnn-portland-\\S+ to model-weights\\S* \\(signed\\)");

            assertThat(run.isAlive()).as(run.output()).isTrue();
            assertThat(run.terminate(Duration.ofSeconds(90))).as(run.output()).isZero();
            outputs.addAll(List.of(run.output(), intruderReplay.output(), replay.output(), train.output()));
        }
        for (String out : outputs) {
            USERS.values().forEach(password -> assertThat(out).as("a password in a command's output").doesNotContain(password));
            assertThat(out).doesNotContain(STORE_PASSWORD).doesNotContain(SIGNING.get("CRIMECAST_MODEL_SIGNING_KEY"));
        }

        Properties app = client("crimecast", USERS.get("crimecast"));
        app.put(ConsumerConfig.GROUP_ID_CONFIG, "crimecast");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(app, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("payroll"));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).as("another team's topic").isInstanceOf(TopicAuthorizationException.class);
        }
        app.put(ConsumerConfig.GROUP_ID_CONFIG, "someone-elses-group");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(app, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("incidents"));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).as("another group").isInstanceOf(GroupAuthorizationException.class);
        }
    }

    /**
     * What each user may do. The app (application.id crimecast): its internal topics, group and transactional ids by the
     * prefix, reads incidents and model-weights, writes its outputs. Replay writes incidents; training writes bundles.
     */
    private static List<AclBinding> appAcls() {
        List<AclBinding> acls = new ArrayList<>();
        acls.add(allow("crimecast", ResourceType.TOPIC, "crimecast", PatternType.PREFIXED, AclOperation.ALL));
        acls.add(allow("crimecast", ResourceType.GROUP, "crimecast", PatternType.PREFIXED, AclOperation.READ));
        acls.add(allow("crimecast", ResourceType.TRANSACTIONAL_ID, "crimecast", PatternType.PREFIXED, AclOperation.WRITE));
        acls.add(allow("crimecast", ResourceType.TRANSACTIONAL_ID, "crimecast", PatternType.PREFIXED, AclOperation.DESCRIBE));
        for (String topic : List.of("incidents", "model-weights")) {
            acls.add(allow("crimecast", ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
        }
        for (String topic : List.of("incidents.rejected", "cell-daily-counts", "forecasts", "hotspots")) {
            acls.add(allow("crimecast", ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE));
        }
        acls.add(allow("dispatch", ResourceType.TOPIC, "incidents", PatternType.LITERAL, AclOperation.WRITE));
        acls.add(allow("trainer", ResourceType.TOPIC, "cell-daily-counts", PatternType.LITERAL, AclOperation.READ));
        acls.add(allow("trainer", ResourceType.TOPIC, "model-weights", PatternType.LITERAL, AclOperation.WRITE));
        return acls;
    }

    private static AclBinding allow(String user, ResourceType type, String name, PatternType pattern, AclOperation op) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + user, "*", op, AclPermissionType.ALLOW));
    }

    private static long closedCellDays() {
        Properties p = client("admin", USERS.get("admin"));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            var partitions = consumer.partitionsFor("cell-daily-counts").stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            long end = System.nanoTime() + LIMIT.toNanos();
            long seen = 0;
            while (seen < 20 * 42 && System.nanoTime() < end) {
                seen += consumer.poll(Duration.ofMillis(500)).count();
            }
            return seen;
        }
    }

    private static Properties client(String user, String password) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("sasl.jaas.config", jaas(user, password));
        p.put("ssl.truststore.type", "PKCS12");
        p.put("ssl.truststore.location", truststore.toString());
        p.put("ssl.truststore.password", STORE_PASSWORD);
        return p;
    }

    private static String jaas(String user) {
        return jaas(user, USERS.get(user));
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"%s\" password=\"%s\";".formatted(user, password);
    }

    private static Path properties(String user) {
        return dir.resolve(user + ".properties");
    }

    private static void writeProperties(String user, String password) throws IOException {
        Properties p = client(user, password);
        p.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        try (Writer w = Files.newBufferedWriter(properties(user))) {
            p.store(w, null);
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("keytool %s: %s", args[0], out).isZero();
    }
}
