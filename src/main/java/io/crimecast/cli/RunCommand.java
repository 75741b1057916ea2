package io.crimecast.cli;

import io.crimecast.config.CrimecastConfig;
import io.crimecast.ops.OpsEndpoints;
import io.crimecast.app.ServingNode;
import io.crimecast.ops.TopicAdmin;
import io.crimecast.ops.TopicCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the streaming app: validate, count, close days, forecast (exactly-once). SIGTERM or Ctrl-C stops it"
                + " cleanly (state flushed, group left) with exit code 0; exit code 1 if the app fails.",
        footer = {"%nAlso read from the environment:",
                "  " + CrimecastConfig.ENV_STREAM_THREADS + "   stream threads per instance (default 1)",
                "  " + CrimecastConfig.ENV_APPLICATION_ID + "   Kafka Streams application id: consumer group and state prefix (default crimecast)",
                "  " + CrimecastConfig.ENV_HTTP_HOST + "        address of the map page, query API, metrics and health (default 127.0.0.1)",
                "  " + CrimecastConfig.ENV_HTTP_ADVERTISED_HOST + " host other instances forward queries to (default the address above)",
                "  " + CrimecastConfig.ENV_HTTP_TOKEN + "       bearer token the query API and map page require (default none)",
                "  " + CrimecastConfig.ENV_HTTP_CORS_ORIGIN + " the one browser origin allowed to call the query API (default none: CORS off)",
                "  " + CrimecastConfig.ENV_MODEL_SIGNING_KEY + " refuse model bundles not signed with this key"})
final class RunCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--region", split = ",", paramLabel = "R",
            description = "Region names (philadelphia, portland) or region files; repeatable (env " + CrimecastConfig.ENV_REGIONS + ")")
    List<String> regions;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "State store directory (env " + CrimecastConfig.ENV_STATE_DIR + ", default ./state)")
    Path stateDir;

    @Option(names = "--http-port", paramLabel = "PORT", description = "Port of the map page, query API, metrics and health (env " + CrimecastConfig.ENV_HTTP_PORT + ", default 8080)")
    Integer httpPort;

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(5);

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> settings = kafka.settings();
        if (regions != null) {
            settings.put(CrimecastConfig.ENV_REGIONS, String.join(",", regions));
        }
        if (stateDir != null) {
            settings.put(CrimecastConfig.ENV_STATE_DIR, stateDir.toString());
        }
        if (httpPort != null) {
            settings.put(CrimecastConfig.ENV_HTTP_PORT, httpPort.toString());
        }
        CrimecastConfig config = CrimecastConfig.fromEnvironment(settings);
        CompletableFuture<String> stop = StopSignal.install();
        ServingNode.grids(config); // region mistakes are reported before waiting for Kafka
        System.out.println("connecting to Kafka at " + config.bootstrapServers());
        try {
            TopicAdmin.requireTopics(config.bootstrapServers(), config.clientProperties(), TopicCatalog.bundled().names(), KAFKA_WAIT, waiting -> {
                if (stop.isDone()) {
                    throw new CancellationException();
                }
                System.out.println(waiting);
            });
        } catch (CancellationException e) {
            System.out.println("stopped on SIG" + stop.join() + " while waiting for Kafka");
            return 0;
        }
        try (ServingNode node = new ServingNode(config)) {
            node.grids().forEach(g -> System.out.println("region " + g));
            System.out.printf("CrimeCast running on %s; map %s, metrics %s, health %s%n", config.bootstrapServers(),
                    node.url("/"), node.url(OpsEndpoints.METRICS), node.url(OpsEndpoints.READY));
            CompletableFuture.anyOf(stop, node.app().failed()).join();
            if (node.app().failed().isDone()) {
                System.err.println("the streaming app failed; see the log");
                return 1;
            }
            System.out.println("stopping on SIG" + stop.join() + ": committing, flushing state and " + (config.instanceId() == null
                    ? "leaving the group" : "staying in the group as static member " + config.instanceId() + " until its session times out"));
        }
        System.out.println("stopped");
        return 0;
    }
}
