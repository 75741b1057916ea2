package io.crimecast.stream;

import io.crimecast.topics.TopicNames;
import io.crimecast.topics.JsonSerde;
import io.crimecast.incident.AcceptedIncident;
import io.crimecast.incident.Rejection;
import io.crimecast.ops.CrimecastMetrics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The last line behind the topology's own checks: Kafka Streams' exception handlers, configured here, turn a record
 * that made Streams itself fail (reading, processing or writing it) into an {@code internal-error} rejection on the
 * rejected-incidents topic and carry on. Only incident records are sent there; a failure in a punctuation or on the
 * model topic is logged and skipped.
 */
final class DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    /** Handlers are made by Kafka Streams from class names; these entries hand them what they need. */
    static final String METRICS_CONFIG = "crimecast.dead-letters.metrics";
    static final String INCIDENTS_TOPIC_CONFIG = "crimecast.dead-letters.incidents-topic";
    private static final String BY_REGION_SUFFIX = "-by-region-repartition";

    private final String rejectedTopic;
    private final String incidentsTopic;
    private final CrimecastMetrics metrics;

    private DeadLetters(String rejectedTopic, String incidentsTopic, CrimecastMetrics metrics) {
        this.rejectedTopic = rejectedTopic;
        this.incidentsTopic = incidentsTopic;
        this.metrics = metrics;
    }

    /** Sets the three handlers and what they read in {@link #from}. */
    static void configure(Properties props, TopicNames topics, CrimecastMetrics metrics) {
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, RejectOnProcessingError.class.getName());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RejectOnDeserializationError.class.getName());
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, RejectOnProductionError.class.getName());
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.rejected());
        props.put(INCIDENTS_TOPIC_CONFIG, topics.incidents());
        props.put(METRICS_CONFIG, metrics);
    }

    static DeadLetters from(Map<String, ?> configs) {
        Object metrics = configs.get(METRICS_CONFIG);
        if (!(metrics instanceof CrimecastMetrics m)) {
            throw new IllegalStateException("the exception handlers are set up by DeadLetters.configure");
        }
        return new DeadLetters((String) configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG),
                (String) configs.get(INCIDENTS_TOPIC_CONFIG), m);
    }

    String rejectedTopic() {
        return rejectedTopic;
    }

    /**
     * The rejection of the incident read from {@code sourceTopic} as {@code rawValue} that failed with {@code error},
     * or nothing when the failure was not an incident's (a punctuation, the model topic).
     */
    List<ProducerRecord<byte[], byte[]>> reject(String sourceTopic, byte[] rawValue, Exception error) {
        Rejection.Stage stage;
        byte[] original;
        if (incidentsTopic.equals(sourceTopic)) {
            stage = Rejection.Stage.VALIDATE;
            original = rawValue;
        } else if (sourceTopic != null && sourceTopic.endsWith(BY_REGION_SUFFIX)) {
            stage = Rejection.Stage.COUNT;
            original = originalOf(rawValue);
        } else {
            LOG.error("skipped a failure outside incident processing (topic {}); the app carries on", sourceTopic, error);
            return List.of();
        }
        Rejection rejection = Rejection.internalError(null, original, stage, error);
        metrics.rejected(rejection);
        LOG.warn("rejected an incident from {} as internal-error", sourceTopic, error);
        return List.of(new ProducerRecord<>(rejectedTopic, null, null, null, Rejections.payload(rejection),
                Rejections.describe(new RecordHeaders(), rejection)));
    }

    /** A re-keyed incident carries its original bytes; if even that cannot be read, its re-keyed form is kept. */
    private static byte[] originalOf(byte[] rawValue) {
        if (rawValue == null) {
            return null;
        }
        try {
            AcceptedIncident incident = JsonSerde.MAPPER.readValue(rawValue, AcceptedIncident.class);
            return incident.original() != null ? incident.original() : rawValue;
        } catch (IOException | RuntimeException e) {
            return rawValue;
        }
    }
}
