package io.crimecast.stream;

import io.crimecast.topics.TopicNames;
import io.crimecast.config.CrimecastConfig;
import io.crimecast.grid.Grid;

import io.crimecast.ops.CrimecastMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.UsePartitionTimeOnInvalidTimestamp;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/** The running streaming application: the topology under exactly-once, with its client metrics bound. */
public final class StreamApp implements AutoCloseable {
    /** Kafka's default producer limit, stated: every record the app writes is far smaller (see {@link Rejections}). */
    public static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final CompletableFuture<Void> failed = new CompletableFuture<>();
    private final boolean staticMember;

    public StreamApp(CrimecastConfig config, List<Grid> grids, ForecasterFactory forecasters, CrimecastMetrics metrics) {
        this(config, grids, forecasters, metrics, null);
    }

    /**
     * @param applicationServer host:port where this instance answers queries about the regions it owns (Kafka
     *                          Streams tells the other instances), or null when it answers none
     */
    public StreamApp(CrimecastConfig config, List<Grid> grids, ForecasterFactory forecasters, CrimecastMetrics metrics,
                     String applicationServer) {
        Topology topology = CrimecastTopology.build(grids, TopicNames.DEFAULT, forecasters, metrics, config.wallClockCloseInterval());
        staticMember = config.instanceId() != null;
        Properties props = streamsProperties(config);
        if (applicationServer != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        }
        DeadLetters.configure(props, TopicNames.DEFAULT, metrics);
        streams = new KafkaStreams(topology, props);
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics.registry());
        // Set here, before start(): Kafka Streams refuses a state listener once it has started.
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR) {
                failed.complete(null);
            }
        });
        streams.setUncaughtExceptionHandler(StreamApp::onStreamThreadFailure);
    }

    /**
     * A broker that has just restarted can report a source topic as missing for a moment (seen after a 30 s outage):
     * the stream thread is replaced and tries again, instead of the app stopping for good. Anything else stops it.
     * (`run` checks that the topics exist before it starts, so a topic that is really missing is caught there.)
     */
    static StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse onStreamThreadFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MissingSourceTopicException) {
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            }
        }
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    public static Properties streamsProperties(CrimecastConfig config) {
        Properties props = new Properties();
        props.putAll(config.clientProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), MAX_REQUEST_BYTES);
        // The default extractor fails the stream on a record without a valid timestamp (-1 can still be sent). The
        // topology reads time from the incident itself, so such a record is checked like any other.
        props.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, UsePartitionTimeOnInvalidTimestamp.class.getName());
        if (config.instanceId() != null) { // static membership; Streams appends each stream thread's index
            props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), config.instanceId());
        }
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), (int) config.sessionTimeout().toMillis());
        // Kafka 5.0's default: the processing handler covers the model store's global thread too. Kafka 4.3 still warns that
        // it is off, from the internal client configs that lack it; log4j2.xml filters that one line.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        return props;
    }

    public void start() {
        streams.start();
    }

    /** Completes once the app has failed for good (state ERROR), e.g. to stop the process. */
    public CompletableFuture<Void> failed() {
        return failed;
    }

    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    public boolean isAlive() {
        KafkaStreams.State s = streams.state();
        return s != KafkaStreams.State.ERROR && s != KafkaStreams.State.NOT_RUNNING && s != KafkaStreams.State.PENDING_ERROR;
    }

    /** The model bundle the app holds under {@code key} (region/kind), or null. */
    public byte[] modelBundle(String key) {
        return streams.store(StoreQueryParameters.fromNameAndType(ModelStoreUpdater.MODEL_STORE,
                QueryableStoreTypes.<String, byte[]>keyValueStore())).get(key);
    }

    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        streamsMetrics.close();
        // A dynamic member leaves, handing its tasks to the remaining instances at once instead of after the session
        // timeout. A static member stays: restarted under the same instance id (a rolling update), it gets its
        // tasks back without any rebalance; one that does not come back is dropped after the session timeout.
        streams.close(CloseOptions.timeout(Duration.ofSeconds(60)).withGroupMembershipOperation(staticMember
                ? CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP : CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
