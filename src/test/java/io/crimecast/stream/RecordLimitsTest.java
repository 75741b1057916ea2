package io.crimecast.stream;

import io.crimecast.topics.TopicNames;
import io.crimecast.config.CrimecastConfig;
import io.crimecast.incident.IncidentValidator;
import io.crimecast.incident.RejectReason;
import io.crimecast.incident.Rejection;
import io.crimecast.ops.TopicCatalog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.UsePartitionTimeOnInvalidTimestamp;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sizes the app writes, the producer's limit and the topics' limits agree, so no rejection can fail to be written;
 * and a record's metadata cannot fail the stream either.
 */
class RecordLimitsTest {

    @Test
    void theLargestRejectedRecordFitsItsBound() {
        String longestId = "\uD83D\uDE00".repeat(IncidentValidator.MAX_ID_LENGTH / 2); // 4 UTF-8 bytes a code point
        Rejection worst = new Rejection(longestId, new byte[5_000_000], RejectReason.INTERNAL_ERROR, Rejection.Stage.COUNT,
                "\uD83D\uDE00".repeat(50_000));
        Headers headers = new RecordHeaders();
        for (int i = 0; i < 100; i++) {
            headers.add("trace-" + i, new byte[Rejections.MAX_PRODUCER_HEADER_BYTES / 100 - 8]); // just under the cap
        }
        Rejections.capProducerHeaders(headers);
        assertThat(headers.lastHeader(Rejections.HEADERS_DROPPED)).as("kept, just under the cap").isNull();
        Rejections.describe(headers, worst);

        long size = longestId.getBytes(StandardCharsets.UTF_8).length + Rejections.payload(worst).length;
        for (Header h : headers) {
            size += h.key().length() + h.value().length + 8; // a header's own varints
        }
        assertThat(size).isLessThanOrEqualTo(Rejections.MAX_RECORD_BYTES);
    }

    @Test
    void theProducerAndTopicLimitsHoldTheLargestRecordTheAppWrites() {
        Object maxRequest = StreamApp.streamsProperties(CrimecastConfig.fromEnvironment(Map.of()))
                .get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        assertThat(maxRequest).isEqualTo(StreamApp.MAX_REQUEST_BYTES);
        // A batch adds about 100 bytes to its record; room for that and more.
        assertThat(Rejections.MAX_RECORD_BYTES).isLessThan(StreamApp.MAX_REQUEST_BYTES / 2);
        assertThat(maxMessageBytes(TopicNames.DEFAULT.rejected())).isGreaterThanOrEqualTo(StreamApp.MAX_REQUEST_BYTES);
        assertThat(maxMessageBytes(TopicNames.DEFAULT.incidents())).isGreaterThan(IncidentValidator.MAX_BYTES);
    }

    @Test
    void aRecordWithoutAValidTimestampIsCheckedNotFatal() {
        Properties props = StreamApp.streamsProperties(CrimecastConfig.fromEnvironment(Map.of()));
        assertThat(props.get(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG))
                .isEqualTo(UsePartitionTimeOnInvalidTimestamp.class.getName());
        ConsumerRecord<Object, Object> noTimestamp = new ConsumerRecord<>("incidents", 0, 0L, null, new byte[0]);
        assertThat(new UsePartitionTimeOnInvalidTimestamp().extract(noTimestamp, 1234L)).isEqualTo(1234L);
    }

    private static int maxMessageBytes(String topic) {
        return TopicCatalog.bundled().topics().stream().filter(t -> t.name().equals(topic)).findFirst().orElseThrow()
                .config().entrySet().stream().filter(e -> e.getKey().equals("max.message.bytes"))
                .map(e -> Integer.parseInt(e.getValue())).findFirst().orElseThrow();
    }
}
