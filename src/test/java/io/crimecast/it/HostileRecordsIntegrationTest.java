package io.crimecast.it;

import io.crimecast.config.CrimecastConfig;
import io.crimecast.ops.LocalKafkaBroker;
import io.crimecast.ops.OpsEndpoints;
import io.crimecast.app.ServingNode;
import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;
import io.crimecast.stream.Rejections;
import io.crimecast.topics.TopicNames;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records that put the app in a crash loop (issue 8), through a real broker and the serving node: they are
 * rejected and the app stays RUNNING; then readiness follows the broker down and back up.
 */
class HostileRecordsIntegrationTest extends KafkaTestSupport {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void crashersAreRejectedTheAppKeepsRunningAndReadinessFollowsTheBroker() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(CrimecastConfig.ENV_BOOTSTRAP, broker.bootstrapServers(), CrimecastConfig.ENV_REGIONS, "philadelphia",
                CrimecastConfig.ENV_STATE_DIR, tmp.resolve("state").toString(), CrimecastConfig.ENV_APPLICATION_ID, "it-hostile",
                CrimecastConfig.ENV_HTTP_PORT, "0", CrimecastConfig.ENV_BROKER_UNREACHABLE_TIMEOUT, "3"));
        byte[] nearlyMegabyte = new byte[1_048_000];
        Arrays.fill(nearlyMegabyte, (byte) 'x');
        List<byte[]> crashers = List.of(nearlyMegabyte,
                json("{\"id\":\"far\",\"occurredAt\":\"+999999999-12-31T23:59:59Z\",\"lat\":39.95,\"lon\":-75.16}"),
                json("{\"id\":7,\"occurredAt\":\"2019-03-01T10:00:00Z\",\"lat\":39.95,\"lon\":-75.16}"),
                json("{\"id\":\"t\",\"occurredAt\":\"2019-03-01T10:00:00Z\",\"lat\":39.95,\"lon\":-75.16} trailing"));

        try (ServingNode node = new ServingNode(CrimecastConfig.fromEnvironment(env));
             KafkaProducer<byte[], byte[]> producer = producer();
             KafkaConsumer<String, byte[]> rejected = consumer(broker, TopicNames.DEFAULT.rejected(), Serdes.ByteArray().deserializer());
             KafkaConsumer<String, Output.CellDayCount> counts = consumer(broker, TopicNames.DEFAULT.cellDailyCounts(),
                     new JsonSerde<>(Output.CellDayCount.class).deserializer())) {
            ExecutionException overLimit = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () ->
                    producer.send(new ProducerRecord<>(TopicNames.DEFAULT.incidents(), new byte[1_100_000])).get());
            assertThat(overLimit).as("the topic's 1 MiB limit").hasCauseInstanceOf(RecordTooLargeException.class);

            send(producer, json("{\"id\":\"a\",\"occurredAt\":\"2019-03-01T10:00:00-05:00\",\"lat\":39.95,\"lon\":-75.16}"));
            crashers.forEach(v -> send(producer, v));
            send(producer, json("{\"id\":\"b\",\"occurredAt\":\"2019-03-02T07:00:00-05:00\",\"lat\":39.95,\"lon\":-75.16}"));

            List<ConsumerRecord<String, byte[]>> refused = new ArrayList<>();
            assertThat(pollUntil(rejected, refused, r -> r.size() >= crashers.size(), Duration.ofSeconds(90))).isTrue();
            assertThat(refused).extracting(r -> new String(r.headers().lastHeader(Rejections.REASON).value(), StandardCharsets.UTF_8))
                    .containsExactlyInAnyOrder("too-large", "bad-time", "bad-id", "trailing-content"); // 3 partitions
            assertThat(refused).filteredOn(r -> r.headers().lastHeader(Rejections.TRUNCATED) != null).singleElement()
                    .satisfies(r -> assertThat(r.value()).hasSize(Rejections.MAX_ORIGINAL_BYTES));
            List<ConsumerRecord<String, Output.CellDayCount>> closed = new ArrayList<>();
            assertThat(pollUntil(counts, closed, r -> r.size() >= 42, Duration.ofSeconds(60))).isTrue();
            assertThat(closed.stream().mapToInt(r -> r.value().count()).sum()).isEqualTo(1);
            assertThat(node.app().isAlive()).isTrue();
            // RUNNING again after any rebalance (a probing rebalance can come at any time), and ready
            assertThat(awaitStatus(node, OpsEndpoints.READY, 200, Duration.ofSeconds(60))).isTrue();
            assertThat(node.app().isRunning()).isTrue();

            int port = Integer.parseInt(broker.bootstrapServers().substring(broker.bootstrapServers().lastIndexOf(':') + 1));
            broker.close();
            assertThat(awaitStatus(node, OpsEndpoints.READY, 503, Duration.ofSeconds(30))).as("not ready without brokers").isTrue();
            assertThat(status(node, OpsEndpoints.LIVE)).isEqualTo(200);

            broker = LocalKafkaBroker.start(port, tmp.resolve("broker"));
            assertThat(awaitStatus(node, OpsEndpoints.READY, 200, Duration.ofSeconds(90))).as("ready again").isTrue();
        }
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024); // a producer that would send more than the topic takes
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(TopicNames.DEFAULT.incidents(), 0, null, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean awaitStatus(ServingNode node, String path, int wanted, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            if (status(node, path) == wanted) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static int status(ServingNode node, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(node.url(path))).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
