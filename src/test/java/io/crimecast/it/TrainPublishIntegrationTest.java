package io.crimecast.it;

import io.crimecast.cli.CrimecastCli;
import io.crimecast.model.ModelBundle;
import io.crimecast.topics.TopicNames;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntBinaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `train --publish` decides by the validation days: a model that must lose is held back (exit 3, nothing on
 * model-weights), one that must win is published. Data made so the outcome is certain: constant counts, which the
 * naive baselines predict exactly, and counts alternating day by day between two cells, which no trailing mean
 * can follow but a recurrent network reading the last 8 days can.
 */
class TrainPublishIntegrationTest extends KafkaTestSupport {
    private static final LocalDate FIRST = LocalDate.of(2019, 1, 1);
    private static final int DAYS = 730;

    @Test
    void aModelThatCannotBeatTheBaselinesIsHeldBackAndOneThatDoesIsPublished() throws Exception {
        Run flat = train("flat", (day, cell) -> 3);
        assertThat(flat.exit).as(flat.out).isEqualTo(3);
        assertThat(flat.out).contains("-> does not beat it").contains("not published");

        Run alternating = train("alternating", (day, cell) -> cell == day % 2 ? 6 : 0);
        assertThat(alternating.exit).as(alternating.out).isZero();
        assertThat(alternating.out).contains("-> beats it").containsPattern("published rnn-alternating-\\S+ to model-weights");

        List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(broker, TopicNames.DEFAULT.modelWeights(), new ByteArrayDeserializer())) {
            pollUntil(consumer, published, r -> !r.isEmpty(), Duration.ofSeconds(20));
            pollUntil(consumer, published, r -> false, Duration.ofSeconds(2)); // anything else that was (wrongly) sent
        }
        assertThat(published).extracting(ConsumerRecord::key).containsExactly("alternating/rnn");
        ModelBundle bundle = ModelBundle.read(published.get(0).value(), null);
        assertThat(alternating.out).contains(bundle.metadata().version());
    }

    private record Run(int exit, String out) {
    }

    /** Trains an RNN with --publish on a 2 x 2 grid whose daily counts per cell are {@code counts(day, cell)}. */
    private Run train(String name, IntBinaryOperator counts) throws Exception {
        // About 2 km square at 40 N, so 1 km cells make a 2 x 2 grid; points at a quarter and three quarters of each side.
        double minLon = -75.0, minLat = 40.0, dLon = 0.0234, dLat = 0.0179;
        Path region = Files.writeString(tmp.resolve(name + ".yaml"), """
                name: %s
                crs: EPSG:4326
                bbox: {minX: %s, minY: %s, maxX: %s, maxY: %s}
                cellSizeMeters: 1000
                timeZone: America/New_York
                grace: PT6H
                hotspot: {topPercent: 25}
                """.formatted(name, minLon, minLat, minLon + dLon, minLat + dLat));
        StringBuilder csv = new StringBuilder("id,time,lon,lat\n");
        for (int day = 0; day < DAYS; day++) {
            for (int cell = 0; cell < 4; cell++) {
                double lon = minLon + dLon * (cell % 2 == 0 ? 0.25 : 0.75);
                double lat = minLat + dLat * (cell / 2 == 0 ? 0.25 : 0.75);
                for (int i = 0; i < counts.applyAsInt(day, cell); i++) {
                    csv.append("%s-%d-%d-%d,%sT12:00,%s,%s%n".formatted(name, day, cell, i, FIRST.plusDays(day), lon, lat));
                }
            }
        }
        Path file = Files.writeString(tmp.resolve(name + ".csv"), csv);

        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = CrimecastCli.commandLine().execute("train", "--region", region.toString(), "--model", "rnn",
                    "--from", file.toString(), "--format", "csv", "--id-col", "id", "--time-col", "time", "--x-col", "lon", "--y-col", "lat",
                    "--publish", "--bootstrap", broker.bootstrapServers());
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        original.println(out);
        return new Run(exit, out);
    }
}
