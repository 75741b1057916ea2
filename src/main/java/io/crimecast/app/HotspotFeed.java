package io.crimecast.app;

import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;
import io.crimecast.topics.TopicNames;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reports each layer's top final hotspots for the next day as each day closes, and for the next week on Sundays
 * (each day's provisional hotspots, sent at midnight, are on the topic too), from a consumer thread.
 */
final class HotspotFeed implements AutoCloseable {
    private static final int SHOWN = 3;
    private static final Set<Integer> HORIZONS = Set.of(1, 7);
    private final KafkaConsumer<String, Output.Hotspots> consumer;
    private final List<String> regions;
    private final Report report;
    private final Thread thread;
    private volatile boolean running = true;

    HotspotFeed(String bootstrapServers, List<String> regions, Report report) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "crimecast-demo-reader-" + System.nanoTime());
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new JsonSerde<>(Output.Hotspots.class).deserializer());
        this.regions = regions;
        this.report = report;
        this.thread = new Thread(this::loop, "demo-hotspot-feed");
    }

    void start() {
        consumer.subscribe(List.of(TopicNames.DEFAULT.hotspots()));
        report.line("%-10s  %-19s %-7s %4s  %-22s  %s", "from", "region", "layer", "days", "model",
                "flagged area; top hotspots: cell at lat, lon, expected count, P(hotspot)");
        thread.start();
    }

    private void loop() {
        while (running) {
            for (var r : consumer.poll(Duration.ofMillis(200))) {
                Output.Hotspots h = r.value();
                if (!regions.contains(h.region()) || !HORIZONS.contains(h.horizonDays()) || h.status() != Output.Status.FINAL) {
                    continue;
                }
                String top = h.cells().stream().limit(SHOWN)
                        .map(c -> "#%d %.5f, %.5f %.1f p=%.2f".formatted(c.cell(), c.lat(), c.lon(), c.expected(), c.hotspotProbability()))
                        .collect(Collectors.joining("   "));
                report.line("%-10s  %-19s %-7s %4d  %-22s  %.2f km² (%.3f sq mi): %s", h.periodStart(), h.region(), h.layer(),
                        h.horizonDays(), h.modelVersion(), h.flaggedAreaKm2(), h.flaggedAreaSqMi(), top);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (running) {
            running = false;
            thread.join();
            consumer.close();
        }
    }
}
