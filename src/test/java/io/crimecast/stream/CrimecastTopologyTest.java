package io.crimecast.stream;

import io.crimecast.topics.TopicNames;
import io.crimecast.topics.Output;
import io.crimecast.topics.JsonSerde;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.model.MovingAverageForecaster;
import io.crimecast.ops.CrimecastMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CrimecastTopologyTest {
    // Philadelphia City Hall and a point in another cell (north-east).
    private static final double LAT = 39.9526, LON = -75.1652;
    private static final double LAT2 = 40.05, LON2 = -75.05;
    private static final Instant WALL_START = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> incidents;
    private TestOutputTopic<String, Output.CellDayCount> counts;
    private TestOutputTopic<String, Output.CellForecast> forecasts;
    private TestOutputTopic<String, Output.Hotspots> hotspots;
    private TestOutputTopic<String, byte[]> rejected;
    private SimpleMeterRegistry meters;
    private Grid philadelphia;
    private Grid portland;

    @BeforeEach
    void start() {
        philadelphia = new Grid(Regions.load("philadelphia"));
        portland = new Grid(Regions.load("portland"));
        meters = new SimpleMeterRegistry();
        TopicNames topics = TopicNames.DEFAULT;
        CrimecastMetrics metrics = new CrimecastMetrics(meters);
        // The serving path with an empty model store: the baseline serves.
        var topology = CrimecastTopology.build(List.of(philadelphia, portland), topics,
                ForecasterFactory.serving(new MovingAverageForecaster(28), null, metrics), metrics, Duration.ofMinutes(1));
        Properties props = DriverProperties.of("topology-test", stateDir);
        driver = new TopologyTestDriver(topology, props, WALL_START);
        incidents = driver.createInputTopic(topics.incidents(), new ByteArraySerializer(), new ByteArraySerializer());
        var strings = new StringDeserializer();
        counts = driver.createOutputTopic(topics.cellDailyCounts(), strings, new JsonSerde<>(Output.CellDayCount.class).deserializer());
        forecasts = driver.createOutputTopic(topics.forecasts(), strings, new JsonSerde<>(Output.CellForecast.class).deserializer());
        hotspots = driver.createOutputTopic(topics.hotspots(), strings, new JsonSerde<>(Output.Hotspots.class).deserializer());
        rejected = driver.createOutputTopic(topics.rejected(), strings, Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void closingADayEmitsEveryCellIncludingZerosAForecastPerCellAndRankedHotspots() {
        send("a", "2019-03-01T10:00:00-05:00", LAT, LON);
        send("b", "2019-03-01T11:00:00-05:00", LAT, LON);
        send("c", "2019-03-01T12:00:00-05:00", LAT2, LON2);
        assertThat(counts.isEmpty()).as("day still open").isTrue();

        send("d", "2019-03-02T06:00:00-05:00", LAT, LON); // end of 03-01 plus 6 h grace

        List<Output.CellDayCount> day = counts.readValuesToList();
        assertThat(day).hasSize(42).allSatisfy(c -> assertThat(c.date()).isEqualTo(LocalDate.of(2019, 3, 1)));
        assertThat(day.stream().mapToInt(Output.CellDayCount::count).sum()).isEqualTo(3);
        assertThat(day.stream().filter(c -> c.count() == 0)).hasSize(40);
        int hall = philadelphia.locateLatLon(LAT, LON).orElseThrow().id();
        assertThat(day.get(hall).count()).isEqualTo(2);

        List<Output.CellForecast> next = forecasts.readValuesToList();
        assertThat(next).hasSize(42).allSatisfy(f -> {
            assertThat(f.periodStart()).isEqualTo(LocalDate.of(2019, 3, 2));
            assertThat(f.modelVersion()).isEqualTo("baseline-mean28");
        });
        assertThat(next.get(hall).expected()).isEqualTo(2.0);
        Output.Hotspots flagged = hotspots.readValue();
        assertThat(flagged.periodStart()).isEqualTo(LocalDate.of(2019, 3, 2));
        assertThat(flagged.cells()).hasSize(2); // top 5% of 42 is 3 cells, but only 2 have any incident
        assertThat(flagged.cells().get(0).cell()).isEqualTo(hall);
        assertThat(flagged.cells().get(0).rank()).isEqualTo(1);
        assertThat(meters.counter("crimecast.days.closed", "region", "philadelphia", "trigger", "stream-time").count()).isEqualTo(1);
    }

    @Test
    void everyOutputRecordMatchesItsTopicSchema() {
        var strings = new StringDeserializer();
        var bytes = Serdes.ByteArray().deserializer();
        byte[] first = send("a", "2019-03-01T10:00:00-05:00", LAT, LON);
        assertThat(TopicSchemas.violations("incident.schema.json", first)).isEmpty();
        send("b", "2019-03-02T07:00:00-05:00", LAT2, LON2);
        send("late", "2019-03-01T20:00:00-05:00", LAT, LON); // a correction record too
        var rawCounts = driver.createOutputTopic(TopicNames.DEFAULT.cellDailyCounts(), strings, bytes).readValuesToList();
        var rawForecasts = driver.createOutputTopic(TopicNames.DEFAULT.forecasts(), strings, bytes).readValuesToList();
        var rawHotspots = driver.createOutputTopic(TopicNames.DEFAULT.hotspots(), strings, bytes).readValuesToList();
        assertThat(rawCounts).hasSize(43);
        assertThat(rawForecasts).hasSize(42);
        assertThat(rawHotspots).hasSize(1);
        rawCounts.forEach(v -> assertThat(TopicSchemas.violations("cell-daily-count.schema.json", v)).isEmpty());
        rawForecasts.forEach(v -> assertThat(TopicSchemas.violations("forecast.schema.json", v)).isEmpty());
        rawHotspots.forEach(v -> assertThat(TopicSchemas.violations("hotspots.schema.json", v)).isEmpty());
        // The schema is strict enough to fail: a forecast without its model version is refused.
        assertThat(TopicSchemas.violations("forecast.schema.json",
                new String(rawForecasts.get(0), StandardCharsets.UTF_8).replace("\"modelVersion\"", "\"model\"").getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
    }

    @Test
    void aDayIsNotClosedBeforeItsEndPlusGraceAndIncidentsWithinGraceCountForIt() {
        send("a", "2019-03-01T10:00:00-05:00", LAT, LON);
        send("b", "2019-03-02T05:59:59-05:00", LAT, LON);
        send("c", "2019-03-01T23:59:00-05:00", LAT, LON); // out of order but within grace: counts normally
        assertThat(counts.isEmpty()).isTrue();
        send("d", "2019-03-02T06:00:00-05:00", LAT, LON);
        assertThat(sumByDate(counts.readValuesToList())).containsExactly(Map.entry(LocalDate.of(2019, 3, 1), 2));
        assertThat(rejected.isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // day, an incident late in that local day, the last instant before it closes, the closing instant
            "spring forward (23 h), 2019-03-10, 2019-03-10T23:30:00-04:00, 2019-03-11T05:59:59-04:00, 2019-03-11T06:00:00-04:00",
            "fall back (25 h),      2019-11-03, 2019-11-03T23:30:00-05:00, 2019-11-04T05:59:59-05:00, 2019-11-04T06:00:00-05:00",
    })
    void localDaysFollowDaylightSaving(String name, LocalDate day, String lateInDay, String beforeClose, String closing) {
        send("early", day + "T00:30:00", LAT, LON); // local time, read in America/New_York
        send("late", lateInDay, LAT, LON);
        send("before", beforeClose, LAT, LON);
        assertThat(counts.isEmpty()).isTrue();
        send("closing", closing, LAT, LON);
        Map<LocalDate, Integer> closed = sumByDate(counts.readValuesToList());
        assertThat(closed).containsExactly(Map.entry(day, 2));
    }

    @Test
    void lateIncidentWithinRetentionCorrectsTheClosedDay() {
        send("a", "2019-03-01T10:00:00-05:00", LAT, LON);
        send("b", "2019-03-03T12:00:00-05:00", LAT, LON); // closes 03-01 and 03-02
        counts.readValuesToList();
        send("late", "2019-03-01T20:00:00-05:00", LAT, LON);
        List<Output.CellDayCount> corrections = counts.readValuesToList();
        assertThat(corrections).singleElement().satisfies(c -> {
            assertThat(c.date()).isEqualTo(LocalDate.of(2019, 3, 1));
            assertThat(c.count()).isEqualTo(2);
            assertThat(c.correction()).isTrue();
        });
        assertThat(meters.counter("crimecast.incidents.late", "region", "philadelphia").count()).isEqualTo(1);
    }

    @Test
    void incidentPastTheRetentionHorizonIsRejectedTooLate() {
        send("a", "2019-03-01T10:00:00-05:00", LAT, LON);
        send("b", "2019-05-01T12:00:00-04:00", LAT, LON); // 61 days on; retention is 30 days
        counts.readValuesToList();
        byte[] tooLate = send("old", "2019-03-02T10:00:00-05:00", LAT, LON);
        assertThat(counts.isEmpty()).isTrue();
        TestRecord<String, byte[]> r = rejected.readRecord();
        assertRejected(r, "too-late", "count", tooLate);
        assertThat(r.key()).isEqualTo("old");
    }

    @Test
    void duplicateIdIsCountedOnceAndRejectedWithItsBytes() {
        send("same", "2019-03-01T10:00:00-05:00", LAT, LON);
        byte[] again = send("same", "2019-03-01T10:05:00-05:00", LAT2, LON2);
        send("z", "2019-03-02T07:00:00-05:00", LAT, LON);
        assertThat(sumByDate(counts.readValuesToList())).containsExactly(Map.entry(LocalDate.of(2019, 3, 1), 1));
        assertRejected(rejected.readRecord(), "duplicate", "count", again);
        assertThat(meters.counter("crimecast.incidents.rejected", "reason", "duplicate", "stage", "count").count()).isEqualTo(1);
    }

    @Test
    void everyOriginIsCountedAlike() {
        for (String origin : List.of("reported", "Officer-Initiated", "unknown", "")) {
            sendJson("{\"id\":\"o-%s\",\"occurredAt\":\"2019-03-01T10:00:00-05:00\",\"lat\":%s,\"lon\":%s,\"origin\":\"%s\"}"
                    .formatted(origin, LAT, LON, origin));
        }
        send("z", "2019-03-02T07:00:00-05:00", LAT, LON);
        assertThat(sumByDate(counts.readValuesToList())).containsExactly(Map.entry(LocalDate.of(2019, 3, 1), 4));
        assertThat(rejected.isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unparsable          | {not json",
            "unparsable          | [1,2,3]",
            "missing-id          | {\"occurredAt\":\"2019-03-01T10:00:00Z\",\"lat\":39.95,\"lon\":-75.16}",
            "missing-time        | {\"id\":\"x\",\"lat\":39.95,\"lon\":-75.16}",
            "bad-time            | {\"id\":\"x\",\"occurredAt\":\"yesterday\",\"lat\":39.95,\"lon\":-75.16}",
            "future-time         | {\"id\":\"x\",\"occurredAt\":\"2026-11-27T12:00:00Z\",\"lat\":39.95,\"lon\":-75.16}",
            "missing-coordinates | {\"id\":\"x\",\"occurredAt\":\"2019-03-01T10:00:00Z\"}",
            "missing-coordinates | {\"id\":\"x\",\"occurredAt\":\"2019-03-01T10:00:00Z\",\"lat\":39.95}",
            "bad-coordinates     | {\"id\":\"x\",\"occurredAt\":\"2019-03-01T10:00:00Z\",\"lat\":\"NaN\",\"lon\":-75.16}",
            "bad-coordinates     | {\"id\":\"x\",\"occurredAt\":\"2019-03-01T10:00:00Z\",\"lat\":\"north\",\"lon\":-75.16}",
            "bad-coordinates     | {\"id\":\"x\",\"occurredAt\":\"2019-03-01T10:00:00Z\",\"lat\":139.95,\"lon\":-75.16}",
            "out-of-area         | {\"id\":\"x\",\"occurredAt\":\"2019-03-01T10:00:00Z\",\"lat\":40.71,\"lon\":-74.00}",
            "unknown-region      | {\"id\":\"x\",\"region\":\"gotham\",\"occurredAt\":\"2019-03-01T10:00:00Z\",\"lat\":39.95,\"lon\":-75.16}",
            "before-earliest     | {\"id\":\"x\",\"occurredAt\":\"1970-01-01\",\"lat\":39.95,\"lon\":-75.16}",
            "bad-time            | {\"id\":\"x\",\"occurredAt\":\"+999999999-12-31T23:59:59Z\",\"lat\":39.95,\"lon\":-75.16}",
            "bad-time            | {\"id\":\"x\",\"occurredAt\":\"-999999999-01-01T00:00:00Z\",\"lat\":39.95,\"lon\":-75.16}",
            "bad-time            | {\"id\":\"x\",\"occurredAt\":\"+999999999-12-31T23:59:59\",\"lat\":39.95,\"lon\":-75.16}",
            "bad-time            | {\"id\":\"x\",\"occurredAt\":\"-999999999-01-01T00:00:00\",\"lat\":39.95,\"lon\":-75.16}",
            "bad-time            | {\"id\":\"x\",\"occurredAt\":\"+999999999-12-31\",\"lat\":39.95,\"lon\":-75.16}",
            "bad-time            | {\"id\":\"x\",\"occurredAt\":\"2019-03-01T10:00:00+19:00\",\"lat\":39.95,\"lon\":-75.16}",
            "bad-id              | {\"id\":42,\"occurredAt\":\"2019-03-01T10:00:00Z\",\"lat\":39.95,\"lon\":-75.16}",
            "bad-id              | {\"id\":true,\"occurredAt\":\"2019-03-01T10:00:00Z\",\"lat\":39.95,\"lon\":-75.16}",
            "bad-id              | {\"id\":[\"x\"],\"occurredAt\":\"2019-03-01T10:00:00Z\",\"lat\":39.95,\"lon\":-75.16}",
            "bad-id              | {\"id\":{\"x\":1},\"occurredAt\":\"2019-03-01T10:00:00Z\",\"lat\":39.95,\"lon\":-75.16}",
            "duplicate-field     | {\"id\":\"x\",\"id\":\"y\",\"occurredAt\":\"2019-03-01T10:00:00Z\",\"lat\":39.95,\"lon\":-75.16}",
            "duplicate-field     | {\"id\":\"x\",\"occurredAt\":\"2019-03-01T10:00:00Z\",\"lat\":39.95,\"lat\":40.0,\"lon\":-75.16}",
            "trailing-content    | {\"id\":\"x\",\"occurredAt\":\"2019-03-01T10:00:00Z\",\"lat\":39.95,\"lon\":-75.16} garbage",
            "trailing-content    | {\"id\":\"x\",\"occurredAt\":\"2019-03-01T10:00:00Z\",\"lat\":39.95,\"lon\":-75.16}{}",
            "bad-origin          | {\"id\":\"x\",\"occurredAt\":\"2019-03-01T10:00:00Z\",\"lat\":39.95,\"lon\":-75.16,\"origin\":\"patrol\"}",
            "bad-origin          | {\"id\":\"x\",\"occurredAt\":\"2019-03-01T10:00:00Z\",\"lat\":39.95,\"lon\":-75.16,\"origin\":7}",
    })
    void invalidInputIsRejectedWithReasonStageAndOriginalBytes(String reason, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        incidents.pipeInput(new TestRecord<>("k".getBytes(), bytes));
        assertRejected(rejected.readRecord(), reason, "validate", bytes);
        assertThat(meters.counter("crimecast.incidents.rejected", "reason", reason, "stage", "validate").count()).isEqualTo(1);
        assertThat(counts.isEmpty()).isTrue();
    }

    @Test
    void oversizedValueIsRejectedNotFatal() {
        byte[] huge = ("{\"id\":\"x\",\"occurredAt\":\"2019-03-01T10:00:00Z\",\"lat\":39.95,\"lon\":-75.16,\"category\":\""
                + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        incidents.pipeInput(new TestRecord<>(null, huge));
        TestRecord<String, byte[]> r = rejected.readRecord();
        assertThat(header(r, Rejections.REASON)).isEqualTo("too-large");
        assertThat(r.value()).as("cut to the limit").isEqualTo(java.util.Arrays.copyOf(huge, Rejections.MAX_ORIGINAL_BYTES));
        assertThat(header(r, Rejections.TRUNCATED)).isEqualTo(Integer.toString(huge.length));
    }

    @Test
    void overlongUtf8IsRejectedAsInvalidUtf8() {
        byte[] json = "{\"id\":\"x_\",\"occurredAt\":\"2019-03-01T10:00:00Z\",\"lat\":39.95,\"lon\":-75.16}".getBytes(StandardCharsets.UTF_8);
        int underscore = new String(json, StandardCharsets.UTF_8).indexOf('_');
        byte[] overlong = new byte[json.length + 1]; // '_' becomes C0 AF, an overlong '/'
        System.arraycopy(json, 0, overlong, 0, underscore);
        overlong[underscore] = (byte) 0xC0;
        overlong[underscore + 1] = (byte) 0xAF;
        System.arraycopy(json, underscore + 1, overlong, underscore + 2, json.length - underscore - 1);
        incidents.pipeInput(new TestRecord<>(null, overlong));
        assertRejected(rejected.readRecord(), "invalid-utf8", "validate", overlong);
        assertThat(counts.isEmpty()).isTrue();
    }

    @Test
    void anOriginalOverTheLimitIsCutAndSaysHowLongItWas() {
        byte[] nearlyMegabyte = new byte[1_048_000];
        java.util.Arrays.fill(nearlyMegabyte, (byte) 'x');
        incidents.pipeInput(new TestRecord<>(null, nearlyMegabyte));
        TestRecord<String, byte[]> r = rejected.readRecord();
        assertThat(header(r, Rejections.REASON)).isEqualTo("too-large");
        assertThat(r.value()).hasSize(Rejections.MAX_ORIGINAL_BYTES);
        assertThat(header(r, Rejections.TRUNCATED)).isEqualTo("1048000");
    }

    @Test
    void aProducersHugeHeadersAreDroppedAndTheirSizeNoted() {
        byte[] json = "{\"id\":\"x\",\"occurredAt\":\"yesterday\",\"lat\":39.95,\"lon\":-75.16}".getBytes(StandardCharsets.UTF_8);
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add("trace", new byte[500_000]);
        incidents.pipeInput(new TestRecord<>(null, json, headers, Instant.now()));
        TestRecord<String, byte[]> r = rejected.readRecord();
        assertThat(r.headers().lastHeader("trace")).isNull();
        assertThat(header(r, Rejections.HEADERS_DROPPED)).isEqualTo("500005");
        assertThat(header(r, Rejections.REASON)).isEqualTo("bad-time");
    }

    @Test
    void anIncidentBeforeTheRegionsFirstDayIsRejectedTooLate() {
        send("first", "2019-03-05T10:00:00-05:00", LAT, LON);
        byte[] earlier = send("earlier", "2019-03-04T10:00:00-05:00", LAT, LON);
        assertRejected(rejected.readRecord(), "too-late", "count", earlier);
    }

    @Test
    void aPausedReplayOfThePastIsNotClosedByWallClockTime() {
        send("a", "2019-03-01T10:00:00-05:00", LAT, LON);
        driver.advanceWallClockTime(Duration.ofDays(3));
        assertThat(counts.isEmpty()).as("history is closed by event time only").isTrue();
        send("b", "2019-03-02T07:00:00-05:00", LAT, LON);
        assertThat(sumByDate(counts.readValuesToList())).containsExactly(Map.entry(LocalDate.of(2019, 3, 1), 1));
    }

    @Test
    void nullValueIsRejectedNotFatal() {
        incidents.pipeInput(new TestRecord<>("k".getBytes(), null));
        TestRecord<String, byte[]> r = rejected.readRecord();
        assertThat(header(r, Rejections.REASON)).isEqualTo("unparsable");
    }

    @Test
    void quietInputStillClosesTheDayByWallClock() {
        send("a", "2026-11-24T10:00:00-05:00", LAT, LON);
        driver.advanceWallClockTime(Duration.ofHours(1));
        assertThat(counts.isEmpty()).as("the day has not ended plus grace yet").isTrue();
        // No more input: 2026-11-24 ends at 05:00Z on the 25th, closes at 11:00Z; the region clock stands at
        // 15:00Z on the 24th when the incident arrives at wall time 12:00Z on the 25th, so 20 h of quiet close it.
        driver.advanceWallClockTime(Duration.ofHours(19));
        assertThat(sumByDate(counts.readValuesToList())).containsExactly(Map.entry(LocalDate.of(2026, 11, 24), 1));
        assertThat(forecasts.readValuesToList()).hasSize(42);
        assertThat(meters.counter("crimecast.days.closed", "region", "philadelphia", "trigger", "wall-clock").count()).isEqualTo(1);
    }

    @Test
    void daysWithoutIncidentsCloseWithZeros() {
        send("a", "2019-03-01T10:00:00-05:00", LAT, LON);
        send("b", "2019-03-04T10:00:00-05:00", LAT, LON);
        Map<LocalDate, Integer> closed = sumByDate(counts.readValuesToList());
        assertThat(closed).containsExactly(Map.entry(LocalDate.of(2019, 3, 1), 1),
                Map.entry(LocalDate.of(2019, 3, 2), 0), Map.entry(LocalDate.of(2019, 3, 3), 0));
    }

    /**
     * A year and more of daily closes: the queryable stores keep the next-day forecasts and hotspots of the last
     * {@value QueryableState#PERIOD_DAYS} days and the counts of the last {@value QueryableState#COUNT_DAYS}, pruned a
     * day at a time (each prune starting where the last one stopped).
     */
    @Test
    void queryableStateKeepsItsDaysAndPrunesTheRest() {
        LocalDate first = LocalDate.of(2019, 1, 1);
        int days = QueryableState.COUNT_DAYS + 9;
        for (int d = 0; d < days; d++) {
            send("daily-" + d, first.plusDays(d) + "T12:00:00-05:00", LAT, LON);
        }
        LocalDate latestPeriod = first.plusDays(days - 1); // the last incident's day closed the one before: its forecast is for this day
        String layer = philadelphia.spec().layers().get(0).name();
        String periods = QueryableState.periodsPrefix("philadelphia", layer, 1);
        String counted = QueryableState.layerPrefix("philadelphia", layer);

        assertThat(datesOf(driver.getKeyValueStore(QueryableState.HOTSPOTS), periods))
                .containsExactlyElementsOf(first.plusDays(days - 1 - QueryableState.PERIOD_DAYS).datesUntil(latestPeriod.plusDays(1)).toList());
        assertThat(datesOf(driver.getKeyValueStore(QueryableState.FORECASTS), periods))
                .containsExactlyElementsOf(first.plusDays(days - 1 - QueryableState.PERIOD_DAYS).datesUntil(latestPeriod.plusDays(1)).toList());
        assertThat(datesOf(driver.getKeyValueStore(QueryableState.COUNTS), counted))
                .containsExactlyElementsOf(latestPeriod.minusDays(QueryableState.COUNT_DAYS).datesUntil(latestPeriod).toList());
    }

    /** The distinct dates right after {@code prefix} in the store's keys, in order. */
    private static List<LocalDate> datesOf(org.apache.kafka.streams.state.KeyValueStore<String, ?> store, String prefix) {
        java.util.TreeSet<LocalDate> dates = new java.util.TreeSet<>();
        try (var all = store.all()) {
            all.forEachRemaining(kv -> {
                if (kv.key.startsWith(prefix) && Character.isDigit(kv.key.charAt(prefix.length()))) {
                    dates.add(LocalDate.parse(kv.key.substring(prefix.length(), prefix.length() + 10)));
                }
            });
        }
        return List.copyOf(dates);
    }

    @Test
    void projectedRegionTakesXYInItsCrsAndDateOnlyTimes() {
        // Portland: Oregon North State Plane feet; a date-only time is that local day.
        sendJson("{\"id\":\"p1\",\"occurredAt\":\"2016-08-01\",\"x\":7650000,\"y\":690000}");
        sendJson("{\"id\":\"p2\",\"occurredAt\":\"2016-08-01\",\"lat\":45.52,\"lon\":-122.68}");
        sendJson("{\"id\":\"p3\",\"occurredAt\":\"2016-08-02\",\"x\":7650000,\"y\":690000}");
        List<Output.CellDayCount> day = counts.readValuesToList();
        assertThat(day).hasSize(portland.cellCount()).allSatisfy(c -> assertThat(c.region()).isEqualTo("portland"));
        assertThat(sumByDate(day)).containsExactly(Map.entry(LocalDate.of(2016, 8, 1), 2));
        int cell = portland.locateXY(7650000, 690000).orElseThrow().id();
        assertThat(day.get(cell).count()).isGreaterThanOrEqualTo(1);
    }

    private byte[] send(String id, String occurredAt, double lat, double lon) {
        return sendJson("{\"id\":\"%s\",\"occurredAt\":\"%s\",\"lat\":%s,\"lon\":%s,\"category\":\"Thefts\"}"
                .formatted(id, occurredAt, lat, lon));
    }

    private byte[] sendJson(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        incidents.pipeInput(new TestRecord<>(null, bytes, Instant.now()));
        return bytes;
    }

    private static Map<LocalDate, Integer> sumByDate(List<Output.CellDayCount> records) {
        return records.stream().collect(Collectors.groupingBy(Output.CellDayCount::date, java.util.TreeMap::new,
                Collectors.summingInt(Output.CellDayCount::count)));
    }

    private static void assertRejected(TestRecord<String, byte[]> r, String reason, String stage, byte[] original) {
        assertThat(r.value()).isEqualTo(original);
        assertThat(header(r, Rejections.REASON)).isEqualTo(reason);
        assertThat(header(r, Rejections.STAGE)).isEqualTo(stage);
        assertThat(header(r, Rejections.DETAIL)).isNotBlank();
    }

    private static String header(TestRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
