package io.crimecast.stream;

import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.util.Properties;

/** The settings every TopologyTestDriver test of the topology starts from, as the app runs it: exactly-once. */
final class DriverProperties {
    private DriverProperties() {
    }

    static Properties of(String applicationId, Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return props;
    }
}
