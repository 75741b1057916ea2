package io.crimecast.it;

import io.crimecast.ops.LocalKafkaBroker;
import io.crimecast.ops.TopicAdmin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

/** A real KRaft broker on 127.0.0.1 with the topics created, per test class, and read_committed reading. */
abstract class KafkaTestSupport {
    @TempDir
    static Path tmp;
    static LocalKafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = LocalKafkaBroker.start(0, tmp.resolve("broker"));
        TopicAdmin.createOrCheck(broker.bootstrapServers(), new Properties(), (short) 1);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
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
