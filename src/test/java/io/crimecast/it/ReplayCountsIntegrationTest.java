package io.crimecast.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crimecast.cli.CrimecastCli;
import io.crimecast.config.CrimecastConfig;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.incident.Incident;
import io.crimecast.model.MovingAverageForecaster;
import io.crimecast.ops.CrimecastMetrics;
import io.crimecast.replay.ColumnMapping;
import io.crimecast.replay.IncidentFileReader;
import io.crimecast.replay.IncidentPublisher;
import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;
import io.crimecast.stream.ForecasterFactory;
import io.crimecast.stream.StreamApp;
import io.crimecast.topics.TopicNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real month of Philadelphia through the whole topology on a real KRaft broker: the closed-day counts equal an
 * independent count of the same CSV, cell by cell and day by day, also when the app is stopped mid-replay and a new
 * instance with an empty state directory takes over (state restored from changelogs, nothing lost or doubled).
 */
class ReplayCountsIntegrationTest extends KafkaTestSupport {
    private static final LocalDate FIRST_DAY = PhiladelphiaMonth.FIRST_DAY;
    private static final LocalDate LAST_DAY = PhiladelphiaMonth.LAST_DAY;


    @Test
    void closedDayCountsEqualAnIndependentCountAcrossAStopAndRestart() throws Exception {
        Grid grid = new Grid(Regions.load("philadelphia"));
        Path csv = PhiladelphiaMonth.file();

        IncidentFileReader.ReadResult read = new IncidentFileReader(grid.spec(), ColumnMapping.PHILADELPHIA).read(List.of(csv));
        List<IncidentFileReader.TimedIncident> all = new ArrayList<>(read.incidents());
        // One incident the next morning moves the region's time past 03-31's end plus grace, so that day closes too.
        Instant closing = Instant.parse("2021-04-01T12:00:00Z");
        all.add(new IncidentFileReader.TimedIncident(closing,
                new Incident("closing-sentinel", "2021-04-01T08:00:00-04:00", 39.9526, -75.1652, null, null, "test", "test", null, null)));
        try (IncidentPublisher publisher = new IncidentPublisher(new Properties(), broker.bootstrapServers(), TopicNames.DEFAULT.incidents())) {
            publisher.publish("philadelphia", all, 0, n -> { });
        }

        Map<String, Integer> expected = PhiladelphiaMonth.independentCount(grid, FIRST_DAY, LAST_DAY, FIRST_DAY, LAST_DAY);
        List<ConsumerRecord<String, Output.CellDayCount>> records = new ArrayList<>();
        try (KafkaConsumer<String, Output.CellDayCount> consumer = consumer(broker,
                TopicNames.DEFAULT.cellDailyCounts(), new JsonSerde<>(Output.CellDayCount.class).deserializer())) {
            // First instance: stopped once a third of the days are closed.
            try (StreamApp app = app(tmp.resolve("state-1"))) {
                app.start();
                assertThat(pollUntil(consumer, records, r -> r.size() >= 10 * grid.cellCount(), Duration.ofSeconds(90)))
                        .as("first instance closes some days").isTrue();
            }
            // Second instance, empty state directory: it restores from the changelogs and carries on. A close's records
            // can span polls, so it waits for every cell-day, not only for the last day's first record.
            try (StreamApp app = app(tmp.resolve("state-2"))) {
                app.start();
                assertThat(pollUntil(consumer, records, r -> r.stream().map(ConsumerRecord::key).distinct().count() >= expected.size(),
                        Duration.ofSeconds(120))).as("all %d cell-days close", expected.size()).isTrue();
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
        assertThat(latest).isEqualTo(expected);
        assertThat(latest.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(10_000);

        // audit reads the same days from the counts topic as from the file: the same flags, so the same report
        JsonNode fromTopic = audit(tmp.resolve("audit-topic"), "--counts-topic", "--bootstrap", broker.bootstrapServers());
        JsonNode fromFile = audit(tmp.resolve("audit-file"), "--format", "philadelphia", csv.toString());
        assertThat(fromTopic.get("persistence").get("distinctCells").asInt()).isGreaterThan(1);
        for (String part : List.of("concentration", "persistence", "feedback")) {
            assertThat(fromTopic.get(part)).as(part).isEqualTo(fromFile.get(part));
        }
    }

    private static JsonNode audit(Path out, String... source) throws Exception {
        List<String> args = new ArrayList<>(List.of("audit", "--region", "philadelphia", "--from", "2021-03-08", "--to", "2021-03-31",
                "--flag-area", "50km2", "--lookback", "7", "--feedback", "0.3", "--out", out.toString()));
        args.addAll(List.of(source));
        assertThat(CrimecastCli.commandLine().execute(args.toArray(String[]::new))).isZero();
        return new ObjectMapper().readTree(out.resolve("audit.json").toFile());
    }

    private static StreamApp app(Path stateDir) {
        CrimecastMetrics metrics = new CrimecastMetrics(new SimpleMeterRegistry());
        CrimecastConfig config = CrimecastConfig.fromEnvironment(Map.of(CrimecastConfig.ENV_BOOTSTRAP, broker.bootstrapServers(),
                CrimecastConfig.ENV_STATE_DIR, stateDir.toString(), CrimecastConfig.ENV_APPLICATION_ID, "it-replay-counts"));
        return new StreamApp(config, List.of(new Grid(Regions.load("philadelphia"))),
                ForecasterFactory.serving(new MovingAverageForecaster(28), null, metrics), metrics);
    }
}
