package io.crimecast.it;

import io.crimecast.config.CrimecastConfig;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.model.ModelBundle;
import io.crimecast.model.ModelKind;
import io.crimecast.app.ServingNode;
import io.crimecast.replay.BundledData;
import io.crimecast.replay.ColumnMapping;
import io.crimecast.replay.IncidentFileReader;
import io.crimecast.replay.IncidentPublisher;
import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;
import io.crimecast.topics.TopicNames;
import io.crimecast.train.CountMatrix;
import io.crimecast.train.ModelPublisher;
import io.crimecast.train.TrainSettings;
import io.crimecast.train.Trainer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the real broker: a small LSTM trained on a slice of real Philadelphia data is published to model-weights, and
 * the running topology serves it from the next day close on, without a restart.
 */
class ModelSwapIntegrationTest extends KafkaTestSupport {

    @Test
    void runningTopologySwitchesToAPublishedModel() throws Exception {
        Grid grid = new Grid(Regions.load("philadelphia"));
        BundledData data = BundledData.forRegion("philadelphia");
        List<IncidentFileReader.TimedIncident> all = new IncidentFileReader(grid.spec(), ColumnMapping.PHILADELPHIA)
                .read(List.of(data.copyTo(tmp))).incidents();
        Instant split = Instant.parse("2021-06-01T04:00:00Z");
        CountMatrix history = CountMatrix.fromIncidents(grid, all.stream()
                .filter(t -> t.at().isAfter(Instant.parse("2021-01-01T05:00:00Z")) && t.at().isBefore(split)).toList());
        ModelBundle bundle = Trainer.train(ModelKind.LSTM, history, TrainSettings.defaults().withHidden(8).withEpochs(2, 1), p -> { })
                .toBundle(grid, "all");

        CrimecastConfig config = CrimecastConfig.fromEnvironment(Map.of(CrimecastConfig.ENV_BOOTSTRAP, broker.bootstrapServers(),
                CrimecastConfig.ENV_REGIONS, "philadelphia", CrimecastConfig.ENV_STATE_DIR, tmp.resolve("state").toString(), CrimecastConfig.ENV_HTTP_PORT, "0",
                CrimecastConfig.ENV_APPLICATION_ID, "it-model-swap"));
        List<ConsumerRecord<String, Output.CellForecast>> seen = new ArrayList<>();
        try (ServingNode node = new ServingNode(config);
             IncidentPublisher publisher = new IncidentPublisher(new Properties(), broker.bootstrapServers(), TopicNames.DEFAULT.incidents());
             KafkaConsumer<String, Output.CellForecast> forecasts = consumer(broker, TopicNames.DEFAULT.forecasts(),
                     new JsonSerde<>(Output.CellForecast.class).deserializer())) {
            publisher.publish("philadelphia", window(all, "2021-06-01T04:00:00Z", "2021-06-10T04:00:00Z"), 0, n -> { });
            assertThat(pollUntil(forecasts, seen, r -> r.stream().anyMatch(f -> f.value().periodStart().equals(LocalDate.of(2021, 6, 9))),
                    Duration.ofSeconds(60))).isTrue();
            assertThat(seen).filteredOn(f -> f.value().horizonDays() == 1) // longer horizons: the trailing-year rate, Sundays
                    .allSatisfy(f -> assertThat(f.value().modelVersion()).isEqualTo("baseline-mean28"));

            ModelPublisher.publish(bundle, null, broker.bootstrapServers(), new Properties(), TopicNames.DEFAULT.modelWeights());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (node.app().modelBundle(bundle.key()) == null && System.nanoTime() < deadline) {
                Thread.sleep(100); // the global store reads the new bundle in the background
            }
            assertThat(node.app().modelBundle(bundle.key())).isEqualTo(bundle.toBytes());
            seen.clear();
            publisher.publish("philadelphia", window(all, "2021-06-10T04:00:00Z", "2021-06-20T04:00:00Z"), 0, n -> { });
            assertThat(pollUntil(forecasts, seen, r -> r.stream().anyMatch(f -> f.value().periodStart().equals(LocalDate.of(2021, 6, 19))),
                    Duration.ofSeconds(60))).isTrue();
            assertThat(seen.stream().filter(f -> f.value().horizonDays() == 1).reduce((a, b) -> b).orElseThrow().value().modelVersion())
                    .isEqualTo(bundle.metadata().version());
            assertThat(node.app().isRunning()).isTrue();
        }
    }

    private static List<IncidentFileReader.TimedIncident> window(List<IncidentFileReader.TimedIncident> all, String from, String to) {
        Instant a = Instant.parse(from), b = Instant.parse(to);
        return all.stream().filter(t -> !t.at().isBefore(a) && t.at().isBefore(b)).toList();
    }
}
