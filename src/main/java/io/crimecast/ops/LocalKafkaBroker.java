package io.crimecast.ops;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A single-node KRaft broker (Apache Kafka's own server) bound to 127.0.0.1 only, for development, the demo and
 * integration tests. Not KafkaClusterTestKit: that binds 0.0.0.0.
 */
public final class LocalKafkaBroker implements AutoCloseable {
    private static final String HOST = "127.0.0.1";

    private final KafkaRaftServer server;
    private final int port;

    private LocalKafkaBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Formats {@code dataDir} if it is new and starts the broker; port 0 picks a free one. */
    public static LocalKafkaBroker start(int port, Path dataDir) {
        return start(port, dataDir, "PLAINTEXT", new Properties(), List.of());
    }

    /**
     * As {@link #start(int, Path)}, with a client listener of another security protocol (e.g. SASL_SSL, also used
     * between brokers), broker settings laid over the defaults (certificates, SASL, an authorizer) and extra
     * arguments for formatting the storage (e.g. {@code --add-scram} users, which must exist before the first start).
     */
    public static LocalKafkaBroker start(int port, Path dataDir, String clientProtocol, Properties overrides, List<String> formatArgs) {
        int brokerPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        try {
            Files.createDirectories(dataDir);
            Path logs = dataDir.resolve("kraft-logs");
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
            props.put("listeners", clientProtocol + "://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
            props.put("advertised.listeners", clientProtocol + "://" + HOST + ":" + brokerPort);
            props.put("inter.broker.listener.name", clientProtocol);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("listener.security.protocol.map", clientProtocol + ":" + clientProtocol + ",CONTROLLER:PLAINTEXT");
            props.put("log.dirs", logs.toString());
            props.put("offsets.topic.replication.factor", "1");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            props.put("auto.create.topics.enable", "false");
            // Room for model bundles on the model-weights topic (its max.message.bytes is set per topic).
            props.put("message.max.bytes", "16777216");
            props.put("replica.fetch.max.bytes", "16777216");
            props.putAll(overrides);
            if (!Files.exists(logs.resolve("meta.properties"))) {
                format(props, dataDir, formatArgs);
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            return new LocalKafkaBroker(server, brokerPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare broker data directory " + dataDir, e);
        }
    }

    private static void format(Properties props, Path dataDir, List<String> extraArgs) throws IOException {
        Path file = dataDir.resolve("server.properties");
        try (Writer w = Files.newBufferedWriter(file)) {
            props.store(w, "CrimeCast local broker");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(), "-c", file.toString()));
        args.addAll(extraArgs);
        int rc = StorageTool.execute(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("formatting the broker's storage failed: " + out.toString(StandardCharsets.UTF_8));
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** Blocks until the broker stops. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
