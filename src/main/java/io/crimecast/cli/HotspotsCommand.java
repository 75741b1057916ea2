package io.crimecast.cli;

import io.crimecast.forecast.HotspotsGeoJson;
import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;
import io.crimecast.topics.TopicNames;
import io.crimecast.topics.TopicReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

@Command(name = "hotspots", mixinStandardHelpOptions = true, description = "What the streaming app flagged.",
        subcommands = HotspotsCommand.Export.class)
final class HotspotsCommand {

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the latest streamed hotspots of a region's layer and horizon as a GeoJSON FeatureCollection (RFC 7946):"
                    + " one Polygon per flagged cell with its rank, expected count and probability, and the period and flagged area.")
    static final class Export implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Option(names = "--region", required = true, paramLabel = "R", description = "Region name")
        String region;

        @Option(names = "--layer", defaultValue = "all", paramLabel = "L", description = "Layer (default ${DEFAULT-VALUE})")
        String layer;

        @Option(names = "--days", defaultValue = "1", paramLabel = "N", description = "Horizon in days: 1 (next day) or a region horizon (default ${DEFAULT-VALUE})")
        int days;

        @Option(names = "--out", required = true, paramLabel = "FILE.geojson", description = "Where to write it")
        Path out;

        @Override
        public Integer call() {
            var config = kafka.config();
            String key = region + '/' + layer + '/' + days + 'd';
            AtomicReference<Output.Hotspots> latest = new AtomicReference<>();
            TopicReader.readToEnd(config.bootstrapServers(), config.clientProperties(), TopicNames.DEFAULT.hotspots(),
                    new JsonSerde<>(Output.Hotspots.class).deserializer(), r -> {
                        if (key.equals(r.key())) {
                            latest.set(r.value());
                        }
                    });
            if (latest.get() == null) {
                throw new IllegalArgumentException("no hotspots for " + key + " on " + TopicNames.DEFAULT.hotspots()
                        + " (the app writes them when a day closes; longer horizons when a Sunday closes)");
            }
            Output.Hotspots h = latest.get();
            HotspotsGeoJson.write(out, h);
            System.out.printf("wrote %s: %s %s, %d days from %s, %d cells flagged (%.3f km², %.3f sq mi), model %s%n", out, h.region(),
                    h.layer(), h.horizonDays(), h.periodStart(), h.flaggedCells(), h.flaggedAreaKm2(), h.flaggedAreaSqMi(), h.modelVersion());
            return 0;
        }
    }
}
