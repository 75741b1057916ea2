package io.crimecast.query;

import io.crimecast.grid.Grid;
import io.crimecast.model.MovingAverageForecaster;
import io.crimecast.ops.CrimecastMetrics;
import io.crimecast.stream.CrimecastTopology;
import io.crimecast.stream.QueryableState;
import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;
import io.crimecast.topics.TopicNames;
import io.crimecast.stream.ForecasterFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The real topology in a TopologyTestDriver, incidents sent into it, what it wrote to the output topics, and a
 * {@link StateReader} over its query stores: the same state the app queries, with no broker.
 */
final class QueryFixture implements AutoCloseable {
    final Grid grid;
    final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> incidents;
    /** What was sent, independently of the topology: cell → date → incidents. */
    final Map<Integer, Map<LocalDate, Integer>> sent = new HashMap<>();
    private int ids;

    QueryFixture(Grid grid, Path stateDir) {
        this.grid = grid;
        CrimecastMetrics metrics = new CrimecastMetrics(new SimpleMeterRegistry());
        var topology = CrimecastTopology.build(List.of(grid), TopicNames.DEFAULT,
                ForecasterFactory.serving(new MovingAverageForecaster(28), null, metrics), metrics, Duration.ofMinutes(1));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "query-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(topology, props, Instant.parse("2026-11-25T12:00:00Z"));
        incidents = driver.createInputTopic(TopicNames.DEFAULT.incidents(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** {@code n} incidents at a point, at noon local time (Philadelphia in winter: -05:00) of {@code day}. */
    void send(LocalDate day, double lat, double lon, int n) {
        for (int i = 0; i < n; i++) {
            String json = "{\"id\":\"q%d\",\"occurredAt\":\"%sT12:%02d:00-05:00\",\"lat\":%s,\"lon\":%s,\"category\":\"Thefts\"}"
                    .formatted(ids++, day, i % 60, lat, lon);
            incidents.pipeInput(new TestRecord<>(null, json.getBytes(StandardCharsets.UTF_8)));
        }
        int cell = grid.locateLatLon(lat, lon).orElseThrow().id();
        sent.computeIfAbsent(cell, c -> new TreeMap<>()).merge(day, n, Integer::sum);
    }

    /** One incident at an ISO-8601 time with offset. */
    void sendAt(String occurredAt, double lat, double lon) {
        String json = "{\"id\":\"q%d\",\"occurredAt\":\"%s\",\"lat\":%s,\"lon\":%s,\"category\":\"Thefts\"}".formatted(ids++, occurredAt, lat, lon);
        incidents.pipeInput(new TestRecord<>(null, json.getBytes(StandardCharsets.UTF_8)));
        int cell = grid.locateLatLon(lat, lon).orElseThrow().id();
        sent.computeIfAbsent(cell, c -> new TreeMap<>()).merge(LocalDate.parse(occurredAt.substring(0, 10)), 1, Integer::sum);
    }

    int sent(int cell, LocalDate from, LocalDate to) {
        return sent.getOrDefault(cell, Map.of()).entrySet().stream()
                .filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to)).mapToInt(Map.Entry::getValue).sum();
    }

    int sentEverywhere(LocalDate from, LocalDate to) {
        return sent.keySet().stream().mapToInt(c -> sent(c, from, to)).sum();
    }

    StateReader state() {
        return new StateReader(driver.getKeyValueStore(QueryableState.FORECASTS), driver.getKeyValueStore(QueryableState.HOTSPOTS),
                driver.getKeyValueStore(QueryableState.COUNTS));
    }

    <T> List<T> written(String topic, Class<T> type) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new JsonSerde<>(type).deserializer()).readValuesToList();
    }

    @Override
    public void close() {
        driver.close();
    }
}
