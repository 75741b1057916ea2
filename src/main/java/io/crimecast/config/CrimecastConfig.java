package io.crimecast.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * All of CrimeCast's settings in one typed place. Defaults work on a laptop; every setting has an environment
 * variable for containers and Kubernetes. Command-line flags override them by overriding the variable, so both
 * take one path.
 *
 * @param regions          the regions a serving node runs; empty unless CRIMECAST_REGIONS is set
 * @param clientProperties extra Kafka client settings (security etc.): a properties file, then CRIMECAST_KAFKA_*
 */
public record CrimecastConfig(String bootstrapServers, List<String> regions, Path stateDir, String applicationId,
                              String httpHost, int httpPort, Properties clientProperties, String modelSigningKey,
                              Duration wallClockCloseInterval, int streamThreads) {

    public static final String ENV_BOOTSTRAP = "CRIMECAST_BOOTSTRAP_SERVERS";
    public static final String ENV_REGIONS = "CRIMECAST_REGIONS";
    public static final String ENV_STATE_DIR = "CRIMECAST_STATE_DIR";
    public static final String ENV_APPLICATION_ID = "CRIMECAST_APPLICATION_ID";
    public static final String ENV_HTTP_PORT = "CRIMECAST_HTTP_PORT";
    /** Loopback by default; containers set 0.0.0.0 so probes and Prometheus can reach the port. */
    public static final String ENV_HTTP_HOST = "CRIMECAST_HTTP_HOST";
    public static final String ENV_CLIENT_PROPERTIES = "CRIMECAST_CLIENT_PROPERTIES";
    public static final String ENV_MODEL_SIGNING_KEY = "CRIMECAST_MODEL_SIGNING_KEY";
    public static final String ENV_STREAM_THREADS = "CRIMECAST_STREAM_THREADS";
    /** text (default) or json: one JSON object per log line. Read before logging starts, so not a record field. */
    public static final String ENV_LOG_FORMAT = "CRIMECAST_LOG_FORMAT";
    /** CRIMECAST_KAFKA_SASL_JAAS_CONFIG=... becomes the client property sasl.jaas.config=... */
    public static final String ENV_KAFKA_PREFIX = "CRIMECAST_KAFKA_";

    public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";
    public static final int DEFAULT_HTTP_PORT = 8080;

    /** Settings from the environment, falling back to the defaults. */
    public static CrimecastConfig fromEnvironment(Map<String, String> env) {
        Properties client = new Properties();
        String propsFile = env.get(ENV_CLIENT_PROPERTIES);
        if (propsFile != null && !propsFile.isBlank()) {
            client.putAll(loadProperties(Path.of(propsFile)));
        }
        env.forEach((k, v) -> {
            if (k.startsWith(ENV_KAFKA_PREFIX) && k.length() > ENV_KAFKA_PREFIX.length()) {
                client.setProperty(k.substring(ENV_KAFKA_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), v);
            }
        });
        return new CrimecastConfig(
                env.getOrDefault(ENV_BOOTSTRAP, DEFAULT_BOOTSTRAP),
                // No default region: serving a city nobody asked for would look like working.
                Arrays.stream(env.getOrDefault(ENV_REGIONS, "").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                Path.of(env.getOrDefault(ENV_STATE_DIR, "state")),
                env.getOrDefault(ENV_APPLICATION_ID, "crimecast"),
                env.getOrDefault(ENV_HTTP_HOST, "127.0.0.1"),
                intValue(env, ENV_HTTP_PORT, DEFAULT_HTTP_PORT),
                client,
                env.get(ENV_MODEL_SIGNING_KEY),
                Duration.ofSeconds(30),
                intValue(env, ENV_STREAM_THREADS, 1));
    }

    public static Properties loadProperties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read client properties " + file, e);
        }
        return p;
    }

    private static int intValue(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + v + "'", e);
        }
    }
}
