package io.crimecast.train;

import io.crimecast.model.ModelBundle;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Properties;
import java.util.concurrent.ExecutionException;

/** Publishes model bundles to the compacted model-weights topic, keyed region/kind, where running apps pick them up. */
public final class ModelPublisher {
    /** Matches the topic's max.message.bytes in topics/topics.yaml. */
    private static final int MAX_BUNDLE_BYTES = 16 * 1024 * 1024;

    private ModelPublisher() {
    }

    /** Sends the bundle (signed when a key is given) and waits for the broker's acknowledgement. */
    public static RecordMetadata publish(ModelBundle bundle, byte[] signingKeyOrNull, String bootstrap, Properties clientProperties, String topic)
            throws ExecutionException, InterruptedException {
        byte[] bytes = bundle.toBytes(signingKeyOrNull);
        if (bytes.length > MAX_BUNDLE_BYTES) {
            throw new IllegalArgumentException("bundle of " + bytes.length + " bytes exceeds the topic's limit of " + MAX_BUNDLE_BYTES);
        }
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_BUNDLE_BYTES + 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, bundle.key(), bytes)).get();
        }
    }
}
