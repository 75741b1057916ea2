package io.crimecast.cli;

import io.crimecast.ops.LocalKafkaBroker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run a single-node KRaft broker (Apache Kafka's own server) on 127.0.0.1 until SIGTERM or Ctrl-C (exit code 0).")
final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9092", paramLabel = "PORT", description = "Listener port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data-dir", defaultValue = "kafka-data", paramLabel = "DIR", description = "Log and metadata directory (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Override
    public Integer call() {
        CompletableFuture<String> stop = StopSignal.install();
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(port, dataDir)) {
            System.out.println("Kafka broker listening on " + broker.bootstrapServers() + " (data in " + dataDir.toAbsolutePath()
                    + "); Ctrl-C or SIGTERM stops it");
            System.out.println("stopping on SIG" + stop.join());
        }
        System.out.println("stopped");
        return 0;
    }
}
