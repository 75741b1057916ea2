package io.crimecast.stream;

import io.crimecast.topics.TopicNames;
import io.crimecast.topics.JsonSerde;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.incident.AcceptedIncident;
import io.crimecast.model.MovingAverageForecaster;
import io.crimecast.ops.CrimecastMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The last line: records that get past the topology's own checks and still fail are rejected, and the app goes on. */
class DeadLettersTest {
    private static final String APP = "dead-letters-test";
    private static final String BY_REGION = APP + "-by-region-repartition";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestOutputTopic<String, byte[]> rejected;
    private SimpleMeterRegistry meters;
    private CrimecastMetrics metrics;

    @BeforeEach
    void start() {
        meters = new SimpleMeterRegistry();
        metrics = new CrimecastMetrics(meters);
        Grid philadelphia = new Grid(Regions.load("philadelphia"));
        var topology = CrimecastTopology.build(List.of(philadelphia), TopicNames.DEFAULT,
                ForecasterFactory.serving(new MovingAverageForecaster(28), null, metrics), metrics, Duration.ofMinutes(1));
        Properties props = DriverProperties.of(APP, stateDir);
        DeadLetters.configure(props, TopicNames.DEFAULT, metrics);
        driver = new TopologyTestDriver(topology, props, Instant.parse("2026-11-25T12:00:00Z"));
        rejected = driver.createOutputTopic(TopicNames.DEFAULT.rejected(), new StringDeserializer(), Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /**
     * TopologyTestDriver calls the deserialization handler but does not write the dead-letter records it returns,
     * so this checks the handler ran (the metric) and that processing went on; the record it returns is checked below.
     */
    @Test
    void anUnreadableReKeyedRecordIsRejectedAsInternalErrorAndTheAppGoesOn() {
        var byRegion = driver.createInputTopic(BY_REGION, new StringSerializer(), new ByteArraySerializer());
        byRegion.pipeInput("philadelphia", "{\"id\":".getBytes(StandardCharsets.UTF_8));
        assertThat(meters.counter("crimecast.incidents.rejected", "reason", "internal-error", "stage", "count").count()).isEqualTo(1);

        var incidents = driver.createInputTopic(TopicNames.DEFAULT.incidents(), new ByteArraySerializer(), new ByteArraySerializer());
        incidents.pipeInput(null, "{\"id\":\"a\",\"occurredAt\":\"2019-03-01T10:00:00-05:00\",\"lat\":39.95,\"lon\":-75.16}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(meters.counter("crimecast.incidents.accepted", "region", "philadelphia").count()).isEqualTo(1);
    }

    @Test
    void theDeserializationHandlerRejectsTheOriginalOfAReKeyedIncident() {
        var handler = new RejectOnDeserializationError();
        handler.configure(handlerConfigs());
        byte[] original = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        byte[] reKeyed = new JsonSerde<>(AcceptedIncident.class).serializer().serialize(BY_REGION,
                new AcceptedIncident("x", "philadelphia", 0, LocalDate.of(2019, 3, 1), 0L, null, original));

        var response = handler.handleError(context(BY_REGION, reKeyed),
                new org.apache.kafka.clients.consumer.ConsumerRecord<>(BY_REGION, 0, 0L, new byte[0], reKeyed), new IllegalStateException());

        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
            assertThat(dead.value()).isEqualTo(original);
            assertThat(header(dead.headers(), Rejections.REASON)).isEqualTo("internal-error");
            assertThat(header(dead.headers(), Rejections.STAGE)).isEqualTo("count");
        });
    }

    @Test
    void aCountThatThrowsRejectsItsIncidentWithItsOriginalBytesAndCountsNothing() {
        var byRegion = driver.createInputTopic(BY_REGION, new StringSerializer(), new JsonSerde<>(AcceptedIncident.class).serializer());
        byte[] original = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        byRegion.pipeInput("philadelphia", new AcceptedIncident("x", "philadelphia", 9_999, LocalDate.of(2019, 3, 1),
                Instant.parse("2019-03-01T15:00:00Z").toEpochMilli(), null, original));

        TestRecord<String, byte[]> r = rejected.readRecord();
        assertThat(r.key()).isEqualTo("x");
        assertThat(r.value()).isEqualTo(original);
        assertThat(header(r.headers(), Rejections.REASON)).isEqualTo("internal-error");
        assertThat(header(r.headers(), Rejections.DETAIL)).startsWith("java.lang.IndexOutOfBoundsException: Index 9999 out of bounds for length 42");
        // Nothing of it was kept: the same id, now valid, counts.
        byRegion.pipeInput("philadelphia", new AcceptedIncident("x", "philadelphia", 0, LocalDate.of(2019, 3, 1),
                Instant.parse("2019-03-01T15:00:00Z").toEpochMilli(), null, original));
        assertThat(rejected.isEmpty()).isTrue();
        assertThat(meters.counter("crimecast.incidents.accepted", "region", "philadelphia").count()).isEqualTo(1);
    }

    @Test
    void theProcessingHandlerRejectsAnIncidentAndResumes() {
        var handler = new RejectOnProcessingError();
        handler.configure(handlerConfigs());
        byte[] raw = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);

        ProcessingExceptionHandler.Response response = handler.handleError(context("incidents", raw),
                new Record<>("k", "v", 0L), new IllegalStateException("boom"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
        assertThat(dead.topic()).isEqualTo("incidents.rejected");
        assertThat(dead.value()).isEqualTo(raw);
        assertThat(header(dead.headers(), Rejections.STAGE)).isEqualTo("validate");
        assertThat(header(dead.headers(), Rejections.DETAIL)).isEqualTo("java.lang.IllegalStateException: boom");
    }

    @Test
    void aFailureOutsideIncidentsIsSkippedWithoutARejection() {
        var handler = new RejectOnProcessingError();
        handler.configure(handlerConfigs());
        ProcessingExceptionHandler.Response punctuation = handler.handleError(context(null, null), null, new IllegalStateException());
        assertThat(punctuation.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(punctuation.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void theProductionHandlerRetriesTransientErrorsAndRejectsTheRestOnce() {
        var handler = new RejectOnProductionError();
        handler.configure(handlerConfigs());
        byte[] raw = new byte[200_000];
        var forecast = new ProducerRecord<byte[], byte[]>("forecasts", new byte[1]);

        assertThat(handler.handleError(context("incidents", raw), forecast, new TimeoutException("slow")).result())
                .isEqualTo(ProductionExceptionHandler.Result.RETRY);
        ProductionExceptionHandler.Response tooLarge = handler.handleError(context("incidents", raw), forecast, new RecordTooLargeException());
        assertThat(tooLarge.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(tooLarge.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
            assertThat(dead.value()).hasSize(Rejections.MAX_ORIGINAL_BYTES);
            assertThat(header(dead.headers(), Rejections.TRUNCATED)).isEqualTo("200000");
        });
        var rejection = new ProducerRecord<byte[], byte[]>("incidents.rejected", new byte[1]);
        assertThat(handler.handleError(context("incidents", raw), rejection, new RecordTooLargeException()).deadLetterQueueRecords())
                .as("a rejection that cannot be written is not rejected again").isEmpty();
    }

    private Map<String, Object> handlerConfigs() {
        Properties props = new Properties();
        DeadLetters.configure(props, TopicNames.DEFAULT, metrics);
        Map<String, Object> configs = new HashMap<>();
        props.forEach((k, v) -> configs.put((String) k, v));
        return configs;
    }

    private static ErrorHandlerContext context(String topic, byte[] rawValue) {
        return new ErrorHandlerContext() {
            public String topic() { return topic; }
            public int partition() { return 0; }
            public long offset() { return 0; }
            public Headers headers() { return new RecordHeaders(); }
            public String processorNodeId() { return "validate"; }
            public TaskId taskId() { return new TaskId(0, 0); }
            public long timestamp() { return 0; }
            public byte[] sourceRawKey() { return null; }
            public byte[] sourceRawValue() { return rawValue; }
        };
    }

    private static String header(Headers headers, String name) {
        var h = headers.lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
