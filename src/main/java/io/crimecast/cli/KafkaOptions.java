package io.crimecast.cli;

import io.crimecast.config.CrimecastConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Where the Kafka cluster is and how to reach it; flags override the environment. */
final class KafkaOptions {
    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (env " + CrimecastConfig.ENV_BOOTSTRAP + ", default " + CrimecastConfig.DEFAULT_BOOTSTRAP + ")")
    String bootstrap;

    @Option(names = "--client-properties", paramLabel = "FILE",
            description = "Kafka client settings, e.g. security (env " + CrimecastConfig.ENV_CLIENT_PROPERTIES + "; CRIMECAST_KAFKA_* variables add more)")
    Path clientProperties;

    /** The environment with these flags laid over it. */
    Map<String, String> settings() {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (bootstrap != null) {
            env.put(CrimecastConfig.ENV_BOOTSTRAP, bootstrap);
        }
        if (clientProperties != null) {
            env.put(CrimecastConfig.ENV_CLIENT_PROPERTIES, clientProperties.toString());
        }
        return env;
    }

    CrimecastConfig config() {
        return CrimecastConfig.fromEnvironment(settings());
    }
}
