package io.crimecast.it;

import io.crimecast.cli.CrimecastCli;
import io.crimecast.stream.Rejections;
import io.crimecast.topics.TopicNames;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** `crimecast tail` on a real broker: one readable line per record, rejected ones with their headers. */
class TailCommandIntegrationTest extends KafkaTestSupport {

    private static String tail(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(new CrimecastCli()).execute(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsRejectedWithTheirReasonsAndFiltersOutputsByRegion() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> rejected = new ProducerRecord<>(TopicNames.DEFAULT.rejected(), "I-1",
                    "{\"id\":\"I-1\",\"occurredAt\":\"yesterday\",\"lat\":39.95,\"lon\":-75.16,\"region\":\"philadelphia\"}");
            rejected.headers().add(Rejections.REASON, "bad-time".getBytes(StandardCharsets.UTF_8))
                    .add(Rejections.STAGE, "validate".getBytes(StandardCharsets.UTF_8))
                    .add(Rejections.DETAIL, "occurredAt 'yesterday' is not ISO-8601".getBytes(StandardCharsets.UTF_8));
            producer.send(rejected);
            producer.send(new ProducerRecord<>(TopicNames.DEFAULT.forecasts(), "portland/3", "{\"region\":\"portland\",\"cell\":3}"));
            producer.send(new ProducerRecord<>(TopicNames.DEFAULT.forecasts(), "philadelphia/14", "{\"region\":\"philadelphia\",\"cell\":14}"));
            producer.flush();
        }
        String rejected = tail("tail", "--topic", "rejected", "--from-beginning", "--max", "1", "--bootstrap", broker.bootstrapServers());
        assertThat(rejected.lines()).singleElement().asString()
                .contains(" I-1 reason=bad-time stage=validate detail=\"occurredAt 'yesterday' is not ISO-8601\" value={\"id\":\"I-1\",");
        // no --max: reads to the end and stops when idle
        String forecasts = tail("tail", "--topic", "forecasts", "--region", "philadelphia", "--from-beginning", "--bootstrap", broker.bootstrapServers());
        assertThat(forecasts.lines()).singleElement().asString().endsWith(" philadelphia/14 {\"region\":\"philadelphia\",\"cell\":14}");
    }
}
