package io.crimecast.replay;

import io.crimecast.incident.Incident;
import io.crimecast.topics.JsonSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * Publishes historical incidents to the incidents topic in event-time order, keyed by incident id and stamped with
 * the time they occurred. All of a region's incidents go to one partition, so the topology sees them in order and
 * replaying history does not turn into a flood of late incidents.
 */
public final class IncidentPublisher implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    public IncidentPublisher(Properties clientProperties, String bootstrap, String topic) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /**
     * Sends every incident, each naming {@code region}; {@code speed} 0 means as fast as possible, otherwise event
     * time runs {@code speed} times faster than wall time. {@code progress} hears the number sent so far.
     */
    public long publish(String region, List<IncidentFileReader.TimedIncident> incidents, double speed, LongConsumer progress)
            throws InterruptedException {
        int partitions = producer.partitionsFor(topic).size();
        int partition = Utils.toPositive(Utils.murmur2(region.getBytes(StandardCharsets.UTF_8))) % partitions;
        AtomicReference<Exception> failure = new AtomicReference<>();
        long started = System.nanoTime();
        long firstEvent = incidents.isEmpty() ? 0 : incidents.get(0).at().toEpochMilli();
        long sent = 0;
        for (IncidentFileReader.TimedIncident t : incidents) {
            if (failure.get() != null) {
                break;
            }
            long at = t.at().toEpochMilli();
            if (speed > 0) {
                long due = (long) ((at - firstEvent) / speed);
                long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
                if (due > elapsed) {
                    Thread.sleep(due - elapsed);
                }
            }
            // Stamped when it happened, but never ahead of now: brokers refuse timestamps more than an hour ahead.
            long timestamp = Math.min(at, System.currentTimeMillis());
            producer.send(new ProducerRecord<>(topic, partition, timestamp, t.incident().id(), json(t.incident(), region)), (md, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
            sent++;
            if (sent % 5000 == 0) {
                progress.accept(sent);
            }
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("publishing to " + topic + " failed: " + failure.get().getMessage(), failure.get());
        }
        progress.accept(sent);
        return sent;
    }

    private static byte[] json(Incident i, String region) {
        try {
            return JsonSerde.MAPPER.writeValueAsBytes(new Incident(i.id(), i.occurredAt(), i.lat(), i.lon(), i.x(), i.y(), i.category(), i.source(), region, i.origin()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
