package io.crimecast.it;

import io.crimecast.config.CrimecastConfig;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.incident.Incident;
import io.crimecast.model.MovingAverageForecaster;
import io.crimecast.ops.CrimecastMetrics;
import io.crimecast.replay.ColumnMapping;
import io.crimecast.replay.IncidentFileReader;
import io.crimecast.replay.IncidentPublisher;
import io.crimecast.stream.JsonSerde;
import io.crimecast.stream.Output;
import io.crimecast.stream.ForecasterFactory;
import io.crimecast.stream.StreamApp;
import io.crimecast.stream.TopicNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real month of Philadelphia through the whole topology on a real KRaft broker: the closed-day counts equal an
 * independent count of the same CSV, cell by cell and day by day, also when the app is stopped mid-replay and a new
 * instance with an empty state directory takes over (state restored from changelogs, nothing lost or doubled).
 */
class ReplayCountsIntegrationTest extends KafkaTestSupport {
    private static final LocalDate FIRST_DAY = LocalDate.of(2021, 2, 28); // the file starts in the evening of 02-28
    private static final LocalDate LAST_DAY = LocalDate.of(2021, 3, 31);


    @Test
    void closedDayCountsEqualAnIndependentCountAcrossAStopAndRestart() throws Exception {
        Grid grid = new Grid(Regions.load("philadelphia"));
        Path csv = Path.of(getClass().getResource("/data/incidents_2021_03.csv.gz").toURI());
        Map<String, Integer> expected = independentCount(grid, csv);

        IncidentFileReader.ReadResult read = new IncidentFileReader(grid.spec(), ColumnMapping.PHILADELPHIA).read(List.of(csv));
        List<IncidentFileReader.TimedIncident> all = new ArrayList<>(read.incidents());
        // One incident the next morning moves the region's time past 03-31's end plus grace, so that day closes too.
        Instant closing = Instant.parse("2021-04-01T12:00:00Z");
        all.add(new IncidentFileReader.TimedIncident(closing,
                new Incident("closing-sentinel", "2021-04-01T08:00:00-04:00", 39.9526, -75.1652, null, null, "test", "test", null)));
        try (IncidentPublisher publisher = new IncidentPublisher(new Properties(), broker.bootstrapServers(), TopicNames.DEFAULT.incidents())) {
            publisher.publish("philadelphia", all, 0, n -> { });
        }

        List<ConsumerRecord<String, Output.CellDayCount>> records = new ArrayList<>();
        try (KafkaConsumer<String, Output.CellDayCount> consumer = consumer(broker,
                TopicNames.DEFAULT.cellDailyCounts(), new JsonSerde<>(Output.CellDayCount.class).deserializer())) {
            // First instance: stopped once a third of the days are closed.
            try (StreamApp app = app(tmp.resolve("state-1"))) {
                app.start();
                assertThat(pollUntil(consumer, records, r -> r.size() >= 10 * grid.cellCount(), Duration.ofSeconds(90)))
                        .as("first instance closes some days").isTrue();
            }
            // Second instance, empty state directory: it restores from the changelogs and carries on.
            try (StreamApp app = app(tmp.resolve("state-2"))) {
                app.start();
                int allDays = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay() + 1);
                assertThat(pollUntil(consumer, records, r -> closedDays(r) >= allDays, Duration.ofSeconds(120)))
                        .as("all %d days close", allDays).isTrue();
            }
        }

        Map<String, Integer> latest = new TreeMap<>();
        Map<String, Integer> closes = new HashMap<>();
        for (ConsumerRecord<String, Output.CellDayCount> r : records) {
            latest.put(r.key(), r.value().count());
            if (!r.value().correction()) {
                closes.merge(r.key(), 1, Integer::sum);
            }
        }
        assertThat(closes.values()).as("each cell-day closes exactly once").containsOnly(1);
        Map<String, Integer> expectedAllCells = new TreeMap<>();
        for (LocalDate d = FIRST_DAY; !d.isAfter(LAST_DAY); d = d.plusDays(1)) {
            for (int c = 0; c < grid.cellCount(); c++) {
                String key = "philadelphia/" + c + "/" + d;
                expectedAllCells.put(key, expected.getOrDefault(key, 0));
            }
        }
        assertThat(latest).isEqualTo(expectedAllCells);
        assertThat(latest.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(10_000);
    }

    private static long closedDays(List<ConsumerRecord<String, Output.CellDayCount>> records) {
        return records.stream().map(r -> r.value().date()).distinct().count();
    }

    private static StreamApp app(Path stateDir) {
        CrimecastMetrics metrics = new CrimecastMetrics(new SimpleMeterRegistry());
        CrimecastConfig config = CrimecastConfig.fromEnvironment(Map.of(CrimecastConfig.ENV_BOOTSTRAP, broker.bootstrapServers(),
                CrimecastConfig.ENV_STATE_DIR, stateDir.toString(), CrimecastConfig.ENV_APPLICATION_ID, "it-replay-counts"));
        return new StreamApp(config, List.of(new Grid(Regions.load("philadelphia"))),
                ForecasterFactory.serving(new MovingAverageForecaster(28), null, metrics), metrics);
    }

    /** Counts the CSV by its own local-date column and WGS84 point, without the replay reader or the topology. */
    private static Map<String, Integer> independentCount(Grid grid, Path csv) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (var reader = new InputStreamReader(new GZIPInputStream(Files.newInputStream(csv)), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                if (row.get("point_x").isEmpty()) {
                    continue;
                }
                double lon = Double.parseDouble(row.get("point_x"));
                double lat = Double.parseDouble(row.get("point_y"));
                grid.locateLatLon(lat, lon).ifPresent(cell ->
                        counts.merge("philadelphia/" + cell.id() + "/" + row.get("dispatch_date"), 1, Integer::sum));
            }
        }
        return counts;
    }
}
