package io.crimecast.cli;

import io.crimecast.config.CrimecastConfig;
import io.crimecast.ops.OpsEndpoints;
import io.crimecast.ops.ServingNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the streaming app: validate, count, close days, forecast (exactly-once).")
final class RunCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--region", split = ",", paramLabel = "R",
            description = "Region names (philadelphia, portland) or region files; repeatable (env " + CrimecastConfig.ENV_REGIONS + ")")
    List<String> regions;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "State store directory (env " + CrimecastConfig.ENV_STATE_DIR + ", default ./state)")
    Path stateDir;

    @Option(names = "--http-port", paramLabel = "PORT", description = "Metrics and health port (env " + CrimecastConfig.ENV_HTTP_PORT + ", default 8080)")
    Integer httpPort;

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
        CountDownLatch failed = new CountDownLatch(1);
        ServingNode node = new ServingNode(config);
        node.app().onFailure(failed::countDown);
        Thread shutdown = new Thread(node::close, "crimecast-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        System.out.printf("CrimeCast running for %s on %s; metrics %s, health %s%n", config.regions(), config.bootstrapServers(),
                node.url(OpsEndpoints.METRICS), node.url(OpsEndpoints.READY));
        failed.await(); // Ctrl-C or SIGTERM ends the JVM through the hook; a failed app ends here, with an error exit
        System.err.println("the streaming app failed; see the log");
        return 1;
    }
}
