package io.crimecast.cli;

import io.crimecast.grid.RegionSpec;
import io.crimecast.grid.Regions;
import io.crimecast.ops.TopicAdmin;
import io.crimecast.replay.IncidentFileReader;
import io.crimecast.replay.IncidentPublisher;
import io.crimecast.topics.TopicNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Publish historical incidents (.csv or .csv.gz) to the incidents topic in event-time order.")
final class ReplayCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    RegionFiles input;

    @Option(names = "--speed", defaultValue = "full", paramLabel = "full|Nx",
            description = "full: as fast as possible; Nx: event time N times faster than real time (default ${DEFAULT-VALUE})")
    String speed;

    @Option(names = "--topic", defaultValue = TopicNames.INCIDENTS, paramLabel = "TOPIC", description = "Target topic (default ${DEFAULT-VALUE})")
    String topic;

    @Option(names = "--allow-skips", description = "Publish the usable rows even when more than half the rows cannot be used")
    boolean allowSkips;

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(20);

    @Override
    public Integer call() throws InterruptedException {
        RegionSpec spec = Regions.load(input.region);
        double factor = parseSpeed(speed);
        var config = kafka.config();
        Progress progress = Progress.toTerminal();
        IncidentFileReader.ReadResult read = input.files.reader(spec).read(input.paths);
        progress.line("read %,d rows from %d file(s); %,d usable%s", read.rowsRead(), input.paths.size(), read.incidents().size(),
                read.skipped().isEmpty() ? "" : "; skipped:");
        SkipSummary.lines(read).forEach(l -> progress.line("%s", l));
        if (SkipSummary.mostSkipped(read) && !allowSkips) {
            System.err.printf("error: %,d of %,d rows cannot be used (reasons above); nothing published. `crimecast check` with the same"
                    + " flags shows more; --allow-skips publishes the %,d usable rows anyway%n", read.skippedTotal(), read.rowsRead(), read.incidents().size());
            return 2;
        }
        TopicAdmin.requireTopics(config.bootstrapServers(), config.clientProperties(), List.of(topic), KAFKA_WAIT, null);
        long started = System.nanoTime();
        long sent;
        try (IncidentPublisher publisher = new IncidentPublisher(config.clientProperties(), config.bootstrapServers(), topic)) {
            int total = read.incidents().size();
            sent = publisher.publish(spec.name(), read.incidents(), factor,
                    n -> progress.update("published %,d / %,d", n, total));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.line("read %,d, published %,d to %s in %.1f s (%,.0f/s), skipped %,d", read.rowsRead(), sent, topic,
                seconds, sent / Math.max(seconds, 1e-9), read.skippedTotal());
        return 0;
    }

    static double parseSpeed(String speed) {
        if (speed.equals("full")) {
            return 0;
        }
        if (speed.matches("[0-9]+(\\.[0-9]+)?x")) {
            double f = Double.parseDouble(speed.substring(0, speed.length() - 1));
            if (f > 0) {
                return f;
            }
        }
        throw new IllegalArgumentException("--speed must be 'full' or a factor such as 60x, was '" + speed + "'");
    }
}
