package io.crimecast.stream;

import io.crimecast.topics.TopicNames;
import io.crimecast.topics.Output;
import io.crimecast.topics.JsonSerde;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.model.MovingAverageForecaster;
import io.crimecast.ops.CrimecastMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A street-level region with crime-type layers, a flagged-area budget and weekly horizons: incidents count in every
 * layer they match, a fine grid writes only the cells with something to say, Sunday's close forecasts the next
 * week and fortnight from Monday, hotspots stay within the area budget, and every record carries WGS84 geometry.
 */
class LayersAndHorizonsTopologyTest {
    private static final String REGION = """
            name: phl-street
            crs: EPSG:4326
            bbox: {minX: -75.2803, minY: 39.8670, maxX: -74.9557, maxY: 40.1379}
            cellSizeMeters: 250
            timeZone: America/New_York
            grace: PT6H
            hotspot: {area: "0.25 sq mi"}
            layers:
              - {name: burglary, categories: ["Burglary Residential", "Burglary Non-Residential"]}
              - {name: thefts, categories: [Thefts]}
              - {name: all}
            horizons: [7, 14]
            """;
    private static final double LAT = 39.9526, LON = -75.1652;
    private static final double LAT2 = 40.0379, LON2 = -75.1390;

    @TempDir
    Path dir;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> incidents;
    private Grid grid;

    @BeforeEach
    void start() throws Exception {
        grid = new Grid(Regions.load(Files.writeString(dir.resolve("phl-street.yaml"), REGION).toString()));
        CrimecastMetrics metrics = new CrimecastMetrics(new SimpleMeterRegistry());
        var topology = CrimecastTopology.build(List.of(grid), TopicNames.DEFAULT,
                ForecasterFactory.serving(new MovingAverageForecaster(28), null, metrics), metrics, Duration.ofMinutes(1));
        Properties props = DriverProperties.of("layers-test", dir.resolve("state"));
        driver = new TopologyTestDriver(topology, props, Instant.parse("2026-11-25T12:00:00Z"));
        incidents = driver.createInputTopic(TopicNames.DEFAULT.incidents(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void layersHorizonsAreaBudgetsAndGeometry() {
        assertThat(grid.cellCount()).isGreaterThan(ForecastRecords.DENSE_CELLS);
        send("b1", "2019-03-02T10:00:00-05:00", LAT, LON, "Burglary Residential");
        send("b2", "2019-03-02T11:00:00-05:00", LAT, LON, "burglary residential"); // names match without regard to case
        send("t1", "2019-03-02T12:00:00-05:00", LAT2, LON2, "Thefts");
        send("o1", "2019-03-02T13:00:00-05:00", LAT2, LON2, "Fraud"); // only in all
        send("closer", "2019-03-04T07:00:00-05:00", LAT, LON, "Thefts"); // closes Saturday 03-02 and Sunday 03-03

        int hall = grid.locateLatLon(LAT, LON).orElseThrow().id();
        int north = grid.locateLatLon(LAT2, LON2).orElseThrow().id();
        var rawCounts = driver.createOutputTopic(TopicNames.DEFAULT.cellDailyCounts(), new StringDeserializer(), Serdes.ByteArray().deserializer())
                .readKeyValuesToList();
        rawCounts.forEach(kv -> assertThat(TopicSchemas.violations("cell-daily-count.schema.json", kv.value)).isEmpty());
        Map<String, Integer> counts = rawCounts.stream().collect(Collectors.toMap(kv -> kv.key, kv -> json(kv.value, Output.CellDayCount.class).count()));
        assertThat(counts).as("only cells with a count, per layer, on a fine grid").containsOnly(
                Map.entry("phl-street/burglary/" + hall + "/2019-03-02", 2),
                Map.entry("phl-street/thefts/" + north + "/2019-03-02", 1),
                Map.entry("phl-street/all/" + hall + "/2019-03-02", 2),
                Map.entry("phl-street/all/" + north + "/2019-03-02", 2));

        var rawForecasts = driver.createOutputTopic(TopicNames.DEFAULT.forecasts(), new StringDeserializer(), Serdes.ByteArray().deserializer())
                .readKeyValuesToList();
        rawForecasts.forEach(kv -> assertThat(TopicSchemas.violations("forecast.schema.json", kv.value)).as(kv.key).isEmpty());
        List<Output.CellForecast> forecasts = rawForecasts.stream().map(kv -> json(kv.value, Output.CellForecast.class)).toList();
        assertThat(forecasts).extracting(Output.CellForecast::horizonDays).containsOnly(1, 7, 14);
        Output.CellForecast week = forecasts.stream().filter(f -> f.layer().equals("burglary") && f.horizonDays() == 7 && f.cell() == hall)
                .findFirst().orElseThrow();
        assertThat(week.periodStart()).isEqualTo(LocalDate.of(2019, 3, 4)); // the Monday after the Sunday that closed
        assertThat(week.periodEnd()).isEqualTo(LocalDate.of(2019, 3, 10));
        assertThat(week.expected()).as("2 incidents over the 2 closed days, times 7").isCloseTo(7.0, within(1e-9));
        assertThat(week.bin()).isNull();
        assertThat(week.lat()).isCloseTo(LAT, within(0.003));
        assertThat(week.lon()).isCloseTo(LON, within(0.003));
        assertThat(forecasts).filteredOn(f -> f.horizonDays() == 1).extracting(Output.CellForecast::periodStart)
                .containsOnly(LocalDate.of(2019, 3, 3), LocalDate.of(2019, 3, 4));
        assertThat(forecasts).as("a fine grid: only flagged cells and cells above the floor")
                .allMatch(f -> f.expected() >= ForecastRecords.SPARSE_FLOOR_PER_DAY * f.horizonDays() || f.hotspot());

        var rawHotspots = driver.createOutputTopic(TopicNames.DEFAULT.hotspots(), new StringDeserializer(), Serdes.ByteArray().deserializer())
                .readKeyValuesToList();
        rawHotspots.forEach(kv -> assertThat(TopicSchemas.violations("hotspots.schema.json", kv.value)).as(kv.key).isEmpty());
        Map<String, Output.Hotspots> latest = rawHotspots.stream().collect(Collectors.toMap(kv -> kv.key, kv -> json(kv.value, Output.Hotspots.class), (a, b) -> b));
        assertThat(latest.keySet()).containsExactlyInAnyOrder("phl-street/burglary/1d", "phl-street/burglary/7d", "phl-street/burglary/14d",
                "phl-street/thefts/1d", "phl-street/thefts/7d", "phl-street/thefts/14d", "phl-street/all/1d", "phl-street/all/7d", "phl-street/all/14d");
        Output.Hotspots all = latest.get("phl-street/all/7d");
        assertThat(all.cells()).extracting(Output.RankedCell::cell).containsExactlyInAnyOrder(hall, north);
        assertThat(all.flaggedCells()).isEqualTo(2);
        assertThat(all.flaggedAreaKm2()).isCloseTo(2 * 0.0625, within(1e-6));
        assertThat(all.cells().get(0).corners()).hasDimensions(5, 2);
        assertThat(grid.spec().hotspot().cells()).as("0.25 sq mi in 250 m cells").isEqualTo(10);
    }

    private void send(String id, String occurredAt, double lat, double lon, String category) {
        String json = "{\"id\":\"%s\",\"occurredAt\":\"%s\",\"lat\":%s,\"lon\":%s,\"category\":\"%s\"}".formatted(id, occurredAt, lat, lon, category);
        incidents.pipeInput(new TestRecord<>(null, json.getBytes(StandardCharsets.UTF_8)));
    }

    private static <T> T json(byte[] value, Class<T> type) {
        return new JsonSerde<>(type).deserializer().deserialize("t", value);
    }
}
