package io.crimecast.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
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
 * @param brokerUnreachableTimeout how long the brokers may be unreachable before /health/ready says DOWN
 * @param instanceId the consumer group's static member id (group.instance.id), or null for dynamic membership
 * @param sessionTimeout how long the group waits for a silent member before handing its tasks on
 * @param httpAdvertisedHost the host other instances reach this one's HTTP port at, for queries about regions it owns
 * @param httpToken a bearer token the query API and map page require, or null (open, on loopback by default)
 * @param httpCorsOrigin the one origin browsers may call the query API from, or null (no CORS headers)
 */
public record CrimecastConfig(String bootstrapServers, List<String> regions, Path stateDir, String applicationId,
                              String httpHost, int httpPort, Properties clientProperties, String modelSigningKey,
                              Duration wallClockCloseInterval, int streamThreads, Duration brokerUnreachableTimeout,
                              String instanceId, Duration sessionTimeout, String httpAdvertisedHost, String httpToken,
                              String httpCorsOrigin) {

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
    /** ISO-8601 or whole seconds: how often quiet live regions are checked for days to close (default 30 s). */
    public static final String ENV_WALL_CLOCK_INTERVAL = "CRIMECAST_WALL_CLOCK_INTERVAL";
    /** ISO-8601 (PT30S) or whole seconds; readiness fails once the brokers have not answered for this long. */
    public static final String ENV_BROKER_UNREACHABLE_TIMEOUT = "CRIMECAST_BROKER_UNREACHABLE_TIMEOUT";
    /**
     * A name unique to this instance and stable across its restarts (Kubernetes: the pod name). Set, the instance is
     * a static group member: a restart within the session timeout gets its tasks back without a rebalance.
     */
    public static final String ENV_INSTANCE_ID = "CRIMECAST_INSTANCE_ID";
    /** ISO-8601 or whole seconds; with an instance id, long enough to cover a restart of the process. */
    public static final String ENV_SESSION_TIMEOUT = "CRIMECAST_SESSION_TIMEOUT";
    /**
     * The host name other instances reach this one at (Kubernetes: the pod's DNS name); default the bind address, or
     * the machine's host name when that is 0.0.0.0. Queries about a region another instance owns are forwarded there.
     */
    public static final String ENV_HTTP_ADVERTISED_HOST = "CRIMECAST_HTTP_ADVERTISED_HOST";
    /** Set, the query API and the map page require "Authorization: Bearer <token>" (or the page's cookie). */
    public static final String ENV_HTTP_TOKEN = "CRIMECAST_HTTP_TOKEN";
    /** Set, browsers on this origin (e.g. https://dispatch.example.org) may call the query API; unset, CORS is off. */
    public static final String ENV_HTTP_CORS_ORIGIN = "CRIMECAST_HTTP_CORS_ORIGIN";
    /** text (default) or json: one JSON object per log line. Read before logging starts, so not a record field. */
    public static final String ENV_LOG_FORMAT = "CRIMECAST_LOG_FORMAT";
    /** CRIMECAST_KAFKA_SASL_JAAS_CONFIG=... becomes the client property sasl.jaas.config=... */
    public static final String ENV_KAFKA_PREFIX = "CRIMECAST_KAFKA_";

    public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final Duration DEFAULT_BROKER_UNREACHABLE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_WALL_CLOCK_INTERVAL = Duration.ofSeconds(30);
    /**
     * Kafka's default (45 s) keeps a dead dynamic member's tasks waiting that long; a static member that restarts
     * rejoins at once, so the timeout only bounds how long a member that is really gone keeps its tasks.
     */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(30);

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
                durationValue(env, ENV_WALL_CLOCK_INTERVAL, DEFAULT_WALL_CLOCK_INTERVAL),
                intValue(env, ENV_STREAM_THREADS, 1),
                durationValue(env, ENV_BROKER_UNREACHABLE_TIMEOUT, DEFAULT_BROKER_UNREACHABLE_TIMEOUT),
                blankToNull(env.get(ENV_INSTANCE_ID)),
                durationValue(env, ENV_SESSION_TIMEOUT, DEFAULT_SESSION_TIMEOUT),
                blankToNull(env.get(ENV_HTTP_ADVERTISED_HOST)),
                blankToNull(env.get(ENV_HTTP_TOKEN)),
                blankToNull(env.get(ENV_HTTP_CORS_ORIGIN)));
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

    private static Duration durationValue(Map<String, String> env, String name, Duration fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            Duration d = v.trim().matches("\\d+") ? Duration.ofSeconds(Long.parseLong(v.trim())) : Duration.parse(v.trim());
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was '" + v + "'");
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be whole seconds or an ISO-8601 duration (PT30S), was '" + v + "'", e);
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
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

    /** The HMAC key bundles are signed and checked with, as bytes; null when bundles are not signed. */
    public byte[] modelSigningKeyBytes() {
        return modelSigningKey == null ? null : modelSigningKey.getBytes(StandardCharsets.UTF_8);
    }
}
