package io.crimecast.it;

import io.crimecast.config.CrimecastConfig;
import io.crimecast.app.ServingNode;
import io.crimecast.ops.TopicAdmin;
import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;
import io.crimecast.topics.TopicNames;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app against the official apache/kafka image, where a Docker engine exists; skipped cleanly where none runs
 * (as on the development machines, whose integration tests use the in-process KRaft broker instead).
 */
@Testcontainers(disabledWithoutDocker = true)
class KafkaContainerIntegrationTest {
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @TempDir
    Path stateDir;

    @Test
    void closesADayOnTheOfficialBrokerImage() throws Exception {
        String bootstrap = KAFKA.getBootstrapServers();
        TopicAdmin.createOrCheck(bootstrap, new Properties(), (short) 1);
        CrimecastConfig config = CrimecastConfig.fromEnvironment(Map.of(CrimecastConfig.ENV_BOOTSTRAP, bootstrap,
                CrimecastConfig.ENV_REGIONS, "philadelphia", CrimecastConfig.ENV_STATE_DIR, stateDir.toString(), CrimecastConfig.ENV_HTTP_PORT, "0"));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "container-test");
        try (ServingNode node = new ServingNode(config);
             KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, Output.CellDayCount> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                     new JsonSerde<>(Output.CellDayCount.class).deserializer())) {
            for (String[] incident : new String[][]{{"a", "2021-03-01T10:00:00-05:00"}, {"b", "2021-03-02T07:00:00-05:00"}}) {
                producer.send(new ProducerRecord<>(TopicNames.DEFAULT.incidents(), 0, incident[0],
                        "{\"id\":\"%s\",\"occurredAt\":\"%s\",\"lat\":39.9526,\"lon\":-75.1652}".formatted(incident[0], incident[1])));
            }
            producer.flush();
            consumer.subscribe(List.of(TopicNames.DEFAULT.cellDailyCounts()));
            List<Output.CellDayCount> counts = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (counts.size() < 42 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> counts.add(r.value()));
            }
            assertThat(counts).hasSize(42);
            assertThat(counts.stream().mapToInt(Output.CellDayCount::count).sum()).isEqualTo(1);
        }
    }
}
