package io.crimecast.it;

import io.crimecast.config.CrimecastConfig;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.model.MovingAverageForecaster;
import io.crimecast.ops.CrimecastMetrics;
import io.crimecast.stream.ForecasterFactory;
import io.crimecast.stream.HostileCorpus;
import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;
import io.crimecast.stream.Rejections;
import io.crimecast.stream.StreamApp;
import io.crimecast.topics.TopicNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated hostile corpus (thousands of records of every class, interleaved with valid incidents) through a
 * real broker and the app: it stays RUNNING, every bad record lands in incidents.rejected with the reason its class
 * calls for, and every valid one is counted exactly.
 */
class HostileCorpusIntegrationTest extends KafkaTestSupport {
    /** Tags each sent record, so its rejection can be found whatever partition it lands on. */
    private static final String CASE_HEADER = "test-case";

    @Test
    void everyBadRecordIsRejectedWithItsReasonAndEveryValidOneCountedThroughTheBroker() throws Exception {
        Grid grid = new Grid(Regions.load("philadelphia"));
        List<HostileCorpus.Case> corpus = new HostileCorpus(grid, 11, Instant.now()).generate();
        CrimecastMetrics metrics = new CrimecastMetrics(new SimpleMeterRegistry());
        CrimecastConfig config = CrimecastConfig.fromEnvironment(Map.of(CrimecastConfig.ENV_BOOTSTRAP, broker.bootstrapServers(),
                CrimecastConfig.ENV_STATE_DIR, tmp.resolve("state").toString(), CrimecastConfig.ENV_APPLICATION_ID, "it-hostile-corpus"));
        try (StreamApp app = new StreamApp(config, List.of(grid), ForecasterFactory.serving(new MovingAverageForecaster(28), null, metrics), metrics);
             KafkaProducer<byte[], byte[]> producer = producer()) {
            app.start();
            for (int i = 0; i < corpus.size(); i++) {
                HostileCorpus.Case c = corpus.get(i);
                c.headers().add(CASE_HEADER, Integer.toString(i).getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(TopicNames.DEFAULT.incidents(), 0, null, null, c.value(), c.headers()));
            }
            producer.flush();

            long bad = corpus.stream().filter(c -> !c.valid()).count();
            List<ConsumerRecord<String, byte[]>> rejected = new ArrayList<>();
            try (KafkaConsumer<String, byte[]> consumer = consumer(broker, TopicNames.DEFAULT.rejected(), Serdes.ByteArray().deserializer())) {
                pollUntil(consumer, rejected, r -> r.size() >= bad, Duration.ofMinutes(2));
                pollUntil(consumer, rejected, r -> false, Duration.ofSeconds(2)); // anything more would be a wrong rejection
            }
            assertThat(rejected).hasSize((int) bad);
            List<String> headersDropped = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : rejected) {
                String reason = header(r, Rejections.REASON) + "/" + header(r, Rejections.STAGE);
                String tag = header(r, CASE_HEADER);
                if (tag == null) { // the producer's headers were too large to forward, our tag with them
                    assertThat(header(r, Rejections.HEADERS_DROPPED)).isNotNull();
                    headersDropped.add(reason);
                    continue;
                }
                HostileCorpus.Case expected = corpus.get(Integer.parseInt(tag));
                assertThat(reason).as("%s: %s", expected.kind(), header(r, Rejections.DETAIL)).isEqualTo(expected.reason() + "/" + expected.stage());
            }
            assertThat(headersDropped).containsOnly("bad-time/validate")
                    .hasSize((int) corpus.stream().filter(c -> c.kind().equals("huge-headers")).count());

            LocalDate lastClosed = corpus.get(corpus.size() - 1).date().minusDays(1); // the closing incident's day stays open
            Map<String, Integer> expected = new TreeMap<>();
            corpus.stream().filter(c -> c.valid() && !c.date().isAfter(lastClosed)).forEach(c -> expected.merge(c.date() + "/" + c.cell(), 1, Integer::sum));
            long days = lastClosed.toEpochDay() - corpus.get(0).date().toEpochDay() + 1;
            List<ConsumerRecord<String, Output.CellDayCount>> counts = new ArrayList<>();
            try (KafkaConsumer<String, Output.CellDayCount> consumer = consumer(broker, TopicNames.DEFAULT.cellDailyCounts(),
                    new JsonSerde<>(Output.CellDayCount.class).deserializer())) {
                pollUntil(consumer, counts, r -> r.size() >= days * grid.cellCount(), Duration.ofMinutes(2));
            }
            Map<String, Integer> counted = new TreeMap<>();
            counts.forEach(r -> counted.put(r.value().date() + "/" + r.value().cell(), r.value().count()));
            counted.values().removeIf(n -> n == 0);
            assertThat(counted).isEqualTo(expected);
            assertThat(app.isRunning()).isTrue();
        }
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
