package io.crimecast.ops;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Whether the brokers have answered within the last {@code timeout}. Kafka Streams stays RUNNING while the brokers
 * are down (its clients retry quietly), so readiness asks the brokers themselves: a cheap metadata request
 * (describeCluster) a few times per timeout. It starts out reachable, so start-up has one timeout's grace.
 */
public final class BrokerReachability implements AutoCloseable {
    /** True when a broker answered. */
    @FunctionalInterface
    public interface Probe {
        boolean answers() throws Exception;
    }

    private final Probe probe;
    private final long timeoutNanos;
    private final LongSupplier nanoClock;
    private volatile long lastAnswerNanos;
    private ScheduledExecutorService scheduler;
    private AutoCloseable resources = () -> { };

    BrokerReachability(Probe probe, Duration timeout, LongSupplier nanoClock) {
        this.probe = probe;
        this.timeoutNanos = timeout.toNanos();
        this.nanoClock = nanoClock;
        this.lastAnswerNanos = nanoClock.getAsLong();
    }

    /** Probes the brokers at {@code bootstrap} with the app's client settings, on a thread of its own. */
    public static BrokerReachability start(String bootstrap, Properties clientProperties, Duration timeout) {
        Duration interval = probeInterval(timeout);
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "crimecast-health");
        Admin admin = Admin.create(props);
        int probeTimeoutMs = (int) interval.toMillis();
        BrokerReachability reachability = new BrokerReachability(() -> !admin.describeCluster(
                new DescribeClusterOptions().timeoutMs(probeTimeoutMs)).nodes().get(probeTimeoutMs, TimeUnit.MILLISECONDS).isEmpty(),
                timeout, System::nanoTime);
        reachability.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crimecast-broker-probe");
            t.setDaemon(true);
            return t;
        });
        reachability.resources = admin;
        reachability.scheduler.scheduleWithFixedDelay(reachability::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return reachability;
    }

    /** A few probes per timeout, so one lost answer does not flip readiness; at most every 10 s, at least every 1 s. */
    static Duration probeInterval(Duration timeout) {
        long millis = Math.max(1_000, Math.min(10_000, timeout.toMillis() / 3));
        return Duration.ofMillis(millis);
    }

    /** Asks the brokers once. */
    void check() {
        boolean answered;
        try {
            answered = probe.answers();
        } catch (Exception e) {
            answered = false; // timeouts, connection refused, authentication: all mean "not reachable"
        }
        if (answered) {
            lastAnswerNanos = nanoClock.getAsLong();
        }
    }

    /** True unless the brokers have not answered for longer than the timeout. */
    public boolean reachable() {
        return nanoClock.getAsLong() - lastAnswerNanos <= timeoutNanos;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        try {
            resources.close();
        } catch (Exception e) {
            // closing a health probe's client must not stop the shutdown
        }
    }
}
