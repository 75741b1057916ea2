package io.crimecast.stream;

import io.crimecast.topics.TopicNames;
import io.crimecast.topics.Output;
import io.crimecast.topics.JsonSerde;
import io.crimecast.grid.BoundingBox;
import io.crimecast.grid.Cell;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.model.MovingAverageForecaster;
import io.crimecast.ops.CrimecastMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import io.crimecast.stream.HostileCorpus.Case;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated corpus of hostile input (fixed seed) interleaved with valid incidents, through the whole topology with
 * the app's exception handlers: nothing throws, every bad record is rejected with the reason its class calls for,
 * and the valid ones are counted exactly (cell-daily-counts against an independent tally).
 */
class HostileInputTopologyTest {
    private static final long SEED = 8;
    private static final Instant WALL_START = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> incidents;
    private SimpleMeterRegistry meters;
    private Grid grid;

    @BeforeEach
    void start() {
        grid = new Grid(Regions.load("philadelphia"));
        meters = new SimpleMeterRegistry();
        CrimecastMetrics metrics = new CrimecastMetrics(meters);
        var topology = CrimecastTopology.build(List.of(grid), TopicNames.DEFAULT,
                ForecasterFactory.serving(new MovingAverageForecaster(28), null, metrics), metrics, Duration.ofMinutes(1));
        Properties props = DriverProperties.of("hostile-input-test", stateDir);
        DeadLetters.configure(props, TopicNames.DEFAULT, metrics);
        driver = new TopologyTestDriver(topology, props, WALL_START);
        incidents = driver.createInputTopic(TopicNames.DEFAULT.incidents(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void hostileInputIsRejectedWithItsReasonAndValidIncidentsAreCountedExactly() {
        List<Case> corpus = new HostileCorpus(grid, SEED, WALL_START).generate();
        assertThat(corpus.stream().filter(c -> !c.valid()).map(Case::kind).distinct()).hasSizeGreaterThan(40);
        for (Case c : corpus) {
            incidents.pipeInput(new TestRecord<>(null, c.value(), c.headers(), (Instant) null)); // throws if the topology fails
        }

        List<TestRecord<String, byte[]>> rejected = driver.createOutputTopic(TopicNames.DEFAULT.rejected(),
                new StringDeserializer(), Serdes.ByteArray().deserializer()).readRecordsToList();
        List<Case> bad = corpus.stream().filter(c -> !c.valid()).toList();
        assertThat(rejected).hasSize(bad.size());
        for (int i = 0; i < bad.size(); i++) {
            Case expected = bad.get(i);
            TestRecord<String, byte[]> actual = rejected.get(i);
            assertThat(header(actual, Rejections.REASON) + "/" + header(actual, Rejections.STAGE))
                    .as("record %d (%s): %s", i, expected.kind(), header(actual, Rejections.DETAIL))
                    .isEqualTo(expected.reason() + "/" + expected.stage());
            byte[] original = expected.value();
            assertThat(actual.value()).as(expected.kind()).isEqualTo(original == null || original.length <= Rejections.MAX_ORIGINAL_BYTES
                    ? original : Arrays.copyOf(original, Rejections.MAX_ORIGINAL_BYTES));
            assertThat(sizeOf(actual)).as(expected.kind()).isLessThanOrEqualTo(Rejections.MAX_RECORD_BYTES);
        }

        Map<String, Integer> counted = new TreeMap<>(); // the topic is compacted: the last record of a cell-day wins
        driver.createOutputTopic(TopicNames.DEFAULT.cellDailyCounts(), new StringDeserializer(),
                        new JsonSerde<>(Output.CellDayCount.class).deserializer()).readValuesToList()
                .forEach(c -> counted.put(c.date() + "/" + c.cell(), c.count()));
        Map<String, Integer> expected = new TreeMap<>();
        LocalDate lastClosed = corpus.get(corpus.size() - 1).date().minusDays(1); // the closing incident's day stays open
        corpus.stream().filter(c -> c.valid() && !c.date().isAfter(lastClosed))
                .forEach(c -> expected.merge(c.date() + "/" + c.cell(), 1, Integer::sum));
        counted.values().removeIf(n -> n == 0);
        assertThat(counted).isEqualTo(expected);
        assertThat(expected.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(HostileCorpus.VALID - 10);
        assertThat(meters.counter("crimecast.incidents.accepted", "region", "philadelphia").count())
                .isEqualTo(corpus.stream().filter(Case::valid).count());
    }

    private static long sizeOf(TestRecord<String, byte[]> r) {
        long size = (r.key() == null ? 0 : r.key().getBytes(StandardCharsets.UTF_8).length) + (r.value() == null ? 0 : r.value().length);
        for (Header h : r.headers()) {
            size += h.key().length() + (h.value() == null ? 0 : h.value().length) + 8;
        }
        return size;
    }

    private static String header(TestRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
