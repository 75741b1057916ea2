package io.crimecast.stream;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.model.MovingAverageForecaster;
import io.crimecast.ops.CrimecastMetrics;
import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;
import io.crimecast.topics.TopicNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * The next day's forecast goes out provisional when the day ends (local midnight) and final when it closes after the
 * grace period: in full only if a late incident changed it, else as a hotspots record confirming the provisional one.
 */
class ProvisionalForecastTopologyTest {
    private static final double LAT = 39.9526, LON = -75.1652;
    private static final double LAT2 = 40.05, LON2 = -75.05;
    private static final LocalDate MARCH_2 = LocalDate.of(2019, 3, 2);

    @TempDir
    Path dir;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> incidents;
    private TestOutputTopic<String, Output.CellForecast> forecasts;
    private TestOutputTopic<String, Output.Hotspots> hotspots;
    private TestOutputTopic<String, Output.CellDayCount> counts;
    private Grid grid;

    private void start(Grid region) {
        grid = region;
        CrimecastMetrics metrics = new CrimecastMetrics(new SimpleMeterRegistry());
        var topology = CrimecastTopology.build(List.of(grid), TopicNames.DEFAULT,
                ForecasterFactory.serving(new MovingAverageForecaster(28), null, metrics), metrics, Duration.ofMinutes(1));
        driver = new TopologyTestDriver(topology, DriverProperties.of("provisional-test", dir.resolve("state")),
                Instant.parse("2026-11-25T12:00:00Z"));
        incidents = driver.createInputTopic(TopicNames.DEFAULT.incidents(), new ByteArraySerializer(), new ByteArraySerializer());
        var strings = new StringDeserializer();
        forecasts = driver.createOutputTopic(TopicNames.DEFAULT.forecasts(), strings, new JsonSerde<>(Output.CellForecast.class).deserializer());
        hotspots = driver.createOutputTopic(TopicNames.DEFAULT.hotspots(), strings, new JsonSerde<>(Output.Hotspots.class).deserializer());
        counts = driver.createOutputTopic(TopicNames.DEFAULT.cellDailyCounts(), strings, new JsonSerde<>(Output.CellDayCount.class).deserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void provisionalAtMidnightThenAFinalThatOnlyConfirmsIt() {
        start(new Grid(Regions.load("philadelphia"))); // grace 6 h
        send("a1", "2019-03-01T10:00:00-05:00", LAT, LON);
        send("a2", "2019-03-01T11:00:00-05:00", LAT, LON);
        assertThat(forecasts.isEmpty()).isTrue();

        send("b1", "2019-03-02T01:00:00-05:00", LAT2, LON2); // 03-01 ended, its grace runs to 06:00
        assertThat(counts.isEmpty()).as("03-01 has not closed").isTrue();
        List<Output.CellForecast> provisional = forecasts.readValuesToList();
        assertThat(provisional).hasSize(grid.cellCount()).allMatch(f -> f.status() == Output.Status.PROVISIONAL
                && f.horizonDays() == 1 && f.periodStart().equals(MARCH_2));
        int hall = grid.locateLatLon(LAT, LON).orElseThrow().id();
        assertThat(provisional.get(hall).expected()).isCloseTo(2.0, within(1e-9));
        Output.Hotspots provisionalHotspots = hotspots.readValue();
        assertThat(provisionalHotspots.status()).isEqualTo(Output.Status.PROVISIONAL);
        assertThat(hotspots.isEmpty()).isTrue();

        send("b2", "2019-03-02T07:00:00-05:00", LAT2, LON2); // 03-01 closes
        assertThat(counts.readValuesToList()).isNotEmpty().allMatch(c -> c.date().equals(LocalDate.of(2019, 3, 1)));
        assertThat(forecasts.isEmpty()).as("nothing changed since the provisional forecast").isTrue();
        Output.Hotspots confirmed = hotspots.readValue();
        assertThat(confirmed.status()).isEqualTo(Output.Status.FINAL);
        assertThat(confirmed.periodStart()).isEqualTo(MARCH_2);
        assertThat(confirmed.cells()).extracting(Output.RankedCell::cell, Output.RankedCell::expected)
                .isEqualTo(provisionalHotspots.cells().stream().map(c -> tuple(c.cell(), c.expected())).toList());
    }

    @Test
    void anIncidentWithinGraceAfterMidnightMakesTheFinalForecastGoOutInFull() {
        start(new Grid(Regions.load("philadelphia")));
        send("a1", "2019-03-01T10:00:00-05:00", LAT, LON);
        send("b1", "2019-03-02T01:00:00-05:00", LAT2, LON2);
        forecasts.readValuesToList();
        hotspots.readValuesToList();

        send("a2", "2019-03-01T23:30:00-05:00", LAT, LON); // reported after midnight, within grace
        send("b2", "2019-03-02T07:00:00-05:00", LAT2, LON2);
        List<KeyValue<String, Output.CellForecast>> finals = forecasts.readKeyValuesToList();
        assertThat(finals).hasSize(grid.cellCount()).allMatch(kv -> kv.value.status() == Output.Status.FINAL);
        int hall = grid.locateLatLon(LAT, LON).orElseThrow().id();
        assertThat(finals.get(hall).key).isEqualTo("philadelphia/all/1d/" + hall);
        assertThat(finals.get(hall).value.expected()).as("the late incident counts").isCloseTo(2.0, within(1e-9));
        assertThat(hotspots.readValue().status()).isEqualTo(Output.Status.FINAL);
    }

    @Test
    void withoutAGracePeriodOnlyFinalForecastsGoOut() throws Exception {
        String yaml = """
                name: no-grace
                crs: EPSG:4326
                bbox: {minX: -75.2803, minY: 39.8670, maxX: -74.9557, maxY: 40.1379}
                cellSizeMeters: 5000
                timeZone: America/New_York
                grace: PT0S
                hotspot: {topPercent: 5}
                """;
        start(new Grid(Regions.load(Files.writeString(dir.resolve("no-grace.yaml"), yaml).toString())));
        send("a1", "2019-03-01T10:00:00-05:00", LAT, LON);
        send("b1", "2019-03-02T01:00:00-05:00", LAT2, LON2);
        assertThat(forecasts.readValuesToList()).hasSize(grid.cellCount()).allMatch(f -> f.status() == Output.Status.FINAL);
        assertThat(hotspots.readValuesToList()).singleElement().extracting(Output.Hotspots::status).isEqualTo(Output.Status.FINAL);
    }

    @Test
    void theStatusIsWrittenAsTheSchemaSaysAndAClockFromBeforeProvisionalForecastsStillReads() {
        start(new Grid(Regions.load("philadelphia")));
        send("a1", "2019-03-01T10:00:00-05:00", LAT, LON);
        send("b1", "2019-03-02T01:00:00-05:00", LAT2, LON2);
        var raw = driver.createOutputTopic(TopicNames.DEFAULT.hotspots(), new StringDeserializer(), Serdes.ByteArray().deserializer());
        byte[] value = raw.readValue();
        assertThat(new String(value, StandardCharsets.UTF_8)).contains("\"status\":\"provisional\"");
        assertThat(TopicSchemas.violations("hotspots.schema.json", value)).isEmpty();

        byte[] oldClock = "{\"firstDay\":\"2019-03-01\",\"closedThrough\":\"2019-03-01\",\"eventMillis\":1,\"wallMillis\":2}"
                .getBytes(StandardCharsets.UTF_8);
        RegionClock clock = new RegionClockSerde().deserializer().deserialize("t", oldClock);
        assertThat(clock.lastForecastFrom()).isEqualTo(LocalDate.of(2019, 3, 1));
        assertThat(clock.confirms(LocalDate.of(2019, 3, 1), "all", "baseline")).isFalse();
    }

    private void send(String id, String occurredAt, double lat, double lon) {
        String json = "{\"id\":\"%s\",\"occurredAt\":\"%s\",\"lat\":%s,\"lon\":%s,\"category\":\"Thefts\"}".formatted(id, occurredAt, lat, lon);
        incidents.pipeInput(new TestRecord<>(null, json.getBytes(StandardCharsets.UTF_8)));
    }
}
