package io.crimecast.stream;

import io.crimecast.topics.TopicNames;
import io.crimecast.topics.Output;
import io.crimecast.topics.JsonSerde;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.model.BundleMetadata;
import io.crimecast.model.GridKey;
import io.crimecast.model.ModelBundle;
import io.crimecast.model.MovingAverageForecaster;
import io.crimecast.ops.CrimecastMetrics;
import io.crimecast.train.TestMatrices;
import io.crimecast.train.TrainSettings;
import io.crimecast.train.Trainer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The topology swaps in model bundles from model-weights without a restart, and refuses bad ones. */
class ModelSwapTopologyTest {
    private static final byte[] KEY = "signing-key".getBytes(StandardCharsets.UTF_8);
    private static ModelBundle lstm;

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> incidents;
    private TestInputTopic<String, byte[]> weights;
    private TestOutputTopic<String, Output.CellForecast> forecasts;
    private SimpleMeterRegistry meters;
    private LocalDate day = LocalDate.of(2021, 3, 1);

    @BeforeAll
    static void trainTinyModel() {
        lstm = Trainer.train(io.crimecast.model.ModelKind.LSTM, TestMatrices.matrix(100),
                TrainSettings.defaults().withHidden(8).withEpochs(1, 1), p -> { }).toBundle(TestMatrices.GRID, "all");
    }

    @BeforeEach
    void start() {
        Grid philadelphia = new Grid(Regions.load("philadelphia"));
        meters = new SimpleMeterRegistry();
        CrimecastMetrics metrics = new CrimecastMetrics(meters);
        var topology = CrimecastTopology.build(List.of(philadelphia), TopicNames.DEFAULT,
                ForecasterFactory.serving(new MovingAverageForecaster(28), KEY, metrics), metrics, Duration.ofMinutes(1));
        Properties props = DriverProperties.of("model-swap-test", stateDir);
        driver = new TopologyTestDriver(topology, props, Instant.parse("2026-11-25T12:00:00Z"));
        incidents = driver.createInputTopic(TopicNames.DEFAULT.incidents(), new ByteArraySerializer(), new ByteArraySerializer());
        weights = driver.createInputTopic(TopicNames.DEFAULT.modelWeights(), new StringSerializer(), new ByteArraySerializer());
        forecasts = driver.createOutputTopic(TopicNames.DEFAULT.forecasts(), new StringDeserializer(),
                new JsonSerde<>(Output.CellForecast.class).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void servesTheBaselineUntilABundleArrivesThenTheBundleWithoutARestart() {
        assertThat(closeDayAndReadVersion()).isEqualTo("baseline-mean28");
        weights.pipeInput("philadelphia/lstm", lstm.toBytes(KEY));
        assertThat(closeDayAndReadVersion()).isEqualTo(lstm.metadata().version()).startsWith("lstm-philadelphia-");
        assertThat(meters.find("crimecast.model.in.use").tag("version", lstm.metadata().version()).gauge()).isNotNull();
        assertThat(meters.find("crimecast.model.in.use").tag("version", "baseline-mean28").gauge()).isNull();
    }

    @Test
    void tamperedUnsignedWronglySignedAndWrongGridBundlesAreRefusedAndTheLastGoodModelKeepsServing() {
        weights.pipeInput("philadelphia/lstm", lstm.toBytes(KEY));
        assertThat(closeDayAndReadVersion()).isEqualTo(lstm.metadata().version());

        byte[] tampered = lstm.toBytes(KEY);
        tampered[tampered.length / 2] ^= 0x55;
        weights.pipeInput("philadelphia/lstm", tampered);
        assertThat(closeDayAndReadVersion()).isEqualTo(lstm.metadata().version());

        weights.pipeInput("philadelphia/gru", lstm.toBytes());
        weights.pipeInput("philadelphia/rnn", lstm.toBytes("another-key".getBytes(StandardCharsets.UTF_8)));
        BundleMetadata m = lstm.metadata();
        BundleMetadata otherGrid = new BundleMetadata(new GridKey("philadelphia", 14, 12, 2500, m.grid().crs()), m.kind(), m.window(),
                m.stepDays(), m.normalisation(), m.binEdges(), m.hotspot(), m.trainFrom(), m.trainTo(), m.holdOut(),
                "lstm-other-grid", Instant.now().plusSeconds(60), m.extra(), m.layer());
        weights.pipeInput("philadelphia/cnn-lstm", new ModelBundle(otherGrid, lstm.weights()).toBytes(KEY));
        assertThat(closeDayAndReadVersion()).isEqualTo(lstm.metadata().version());

        assertThat(refused("checksum")).isEqualTo(1);
        assertThat(refused("unsigned")).isEqualTo(1);
        assertThat(refused("signature")).isEqualTo(1);
        assertThat(refused("grid-mismatch")).isEqualTo(1);
    }

    @Test
    void twoRefusedBundlesInARowAndThenADeletionLeaveTheBaselineServing() {
        weights.pipeInput("philadelphia/lstm", lstm.toBytes());
        weights.pipeInput("philadelphia/lstm", lstm.toBytes("another-key".getBytes(StandardCharsets.UTF_8)));
        assertThat(closeDayAndReadVersion()).isEqualTo("baseline-mean28");
        assertThat(refused("signature")).isEqualTo(1);

        weights.pipeInput("philadelphia/lstm", lstm.toBytes(KEY));
        assertThat(closeDayAndReadVersion()).isEqualTo(lstm.metadata().version());
        weights.pipeInput("philadelphia/lstm", (byte[]) null);
        assertThat(closeDayAndReadVersion()).as("a tombstone withdraws the model").isEqualTo("baseline-mean28");
    }

    @Test
    void aRefusedFirstBundleLeavesTheBaselineServing() {
        weights.pipeInput("philadelphia/lstm", lstm.toBytes());
        assertThat(closeDayAndReadVersion()).isEqualTo("baseline-mean28");
        assertThat(refused("unsigned")).isEqualTo(1);
    }

    private double refused(String reason) {
        var counter = meters.find("crimecast.models.refused").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Sends an incident on {@code day} and one on the next morning (closing {@code day}); the forecasts' version. */
    private String closeDayAndReadVersion() {
        send("a-" + day, day + "T10:00:00-05:00");
        day = day.plusDays(1);
        send("b-" + day, day + "T07:00:00-05:00");
        List<Output.CellForecast> next = forecasts.readValuesToList();
        assertThat(next).hasSize(42);
        return next.get(0).modelVersion();
    }

    private void send(String id, String occurredAt) {
        String json = "{\"id\":\"%s\",\"occurredAt\":\"%s\",\"lat\":39.9526,\"lon\":-75.1652}".formatted(id, occurredAt);
        incidents.pipeInput(new TestRecord<>(null, json.getBytes(StandardCharsets.UTF_8)));
    }
}
