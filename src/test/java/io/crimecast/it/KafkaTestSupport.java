package io.crimecast.it;

import io.crimecast.ops.LocalKafkaBroker;
import io.crimecast.ops.TopicAdmin;
import io.crimecast.ops.TopicCatalog;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/** The real broker for integration tests, and read_committed reading of output topics. */
final class KafkaTestSupport {
    private KafkaTestSupport() {
    }

    static void createTopics(LocalKafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicAdmin.createOrCheck(admin, TopicCatalog.bundled(), (short) 1);
        }
    }

    static <V> KafkaConsumer<String, V> consumer(LocalKafkaBroker broker, String topic, Deserializer<V> values) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + topic + "-" + System.nanoTime());
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(p, new StringDeserializer(), values);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Polls into {@code into} until {@code done} holds for what was read, or the deadline passes. */
    static <V> boolean pollUntil(KafkaConsumer<String, V> consumer, List<ConsumerRecord<String, V>> into,
                                 Predicate<List<ConsumerRecord<String, V>>> done, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            consumer.poll(Duration.ofMillis(200)).forEach(into::add);
            if (done.test(into)) {
                return true;
            }
        }
        return done.test(new ArrayList<>(into));
    }
}
