package io.crimecast.stream;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.model.ModelBundle;
import io.crimecast.model.ModelKind;
import io.crimecast.model.MovingAverageForecaster;
import io.crimecast.ops.CrimecastMetrics;
import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;
import io.crimecast.topics.TopicNames;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A bundle trained on one layer's counts serves that layer only; the others keep their own models or the baseline. */
class LayerModelsTopologyTest {
    private static final String REGION = """
            name: philadelphia
            crs: EPSG:4326
            bbox: {minX: -75.2803, minY: 39.8670, maxX: -74.9557, maxY: 40.1379}
            cellSizeMeters: 5000
            timeZone: America/New_York
            grace: PT6H
            hotspot: {topPercent: 5}
            layers:
              - {name: thefts, categories: [Thefts]}
              - {name: all}
            """;

    @TempDir
    Path dir;
    private TopologyTestDriver driver;

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aLayersBundleServesThatLayerOnly() throws Exception {
        Grid grid = new Grid(Regions.load(Files.writeString(dir.resolve("philadelphia.yaml"), REGION).toString()));
        CrimecastMetrics metrics = new CrimecastMetrics(new SimpleMeterRegistry());
        driver = new TopologyTestDriver(CrimecastTopology.build(List.of(grid), TopicNames.DEFAULT,
                ForecasterFactory.serving(new MovingAverageForecaster(28), null, metrics), metrics, Duration.ofMinutes(1)),
                DriverProperties.of("layer-models-test", dir.resolve("state")), Instant.parse("2026-11-25T12:00:00Z"));
        TestInputTopic<String, byte[]> weights = driver.createInputTopic(TopicNames.DEFAULT.modelWeights(), new StringSerializer(), new ByteArraySerializer());
        TestInputTopic<byte[], byte[]> incidents = driver.createInputTopic(TopicNames.DEFAULT.incidents(), new ByteArraySerializer(), new ByteArraySerializer());
        TestOutputTopic<String, Output.CellForecast> forecasts = driver.createOutputTopic(TopicNames.DEFAULT.forecasts(), new StringDeserializer(),
                new JsonSerde<>(Output.CellForecast.class).deserializer());

        ModelBundle thefts = Trainer.train(ModelKind.RNN, TestMatrices.matrix(100), TrainSettings.defaults().withHidden(8).withEpochs(1, 1), p -> { })
                .toBundle(TestMatrices.GRID, "thefts");
        assertThat(thefts.key()).isEqualTo("philadelphia/thefts/rnn");
        weights.pipeInput(thefts.key(), thefts.toBytes());

        for (String json : List.of("{\"id\":\"a\",\"occurredAt\":\"2021-03-01T10:00:00-05:00\",\"lat\":39.9526,\"lon\":-75.1652,\"category\":\"Thefts\"}",
                "{\"id\":\"b\",\"occurredAt\":\"2021-03-02T07:00:00-05:00\",\"lat\":39.9526,\"lon\":-75.1652,\"category\":\"Thefts\"}")) {
            incidents.pipeInput(new TestRecord<>(null, json.getBytes(StandardCharsets.UTF_8)));
        }
        Map<String, String> versionByLayer = forecasts.readValuesToList().stream()
                .collect(Collectors.toMap(Output.CellForecast::layer, Output.CellForecast::modelVersion, (a, b) -> a));
        assertThat(versionByLayer).containsEntry("thefts", thefts.metadata().version()).containsEntry("all", "baseline-mean28");
    }
}
