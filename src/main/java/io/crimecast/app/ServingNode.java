package io.crimecast.app;

import io.crimecast.config.CrimecastConfig;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.model.MovingAverageForecaster;
import io.crimecast.model.NativeThreads;
import io.crimecast.ops.BrokerReachability;
import io.crimecast.ops.CrimecastMetrics;
import io.crimecast.ops.OpsServer;
import io.crimecast.query.QueryHttp;
import io.crimecast.query.StateLocator;
import io.crimecast.stream.ForecasterFactory;
import io.crimecast.stream.StreamApp;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.apache.kafka.streams.state.HostInfo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.LongConsumer;

/** A running CrimeCast instance: the streaming app plus its metrics, health endpoints, query API and map page. */
public final class ServingNode implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CrimecastMetrics metrics = new CrimecastMetrics(registry);
    private final List<Grid> grids;
    private final StreamApp app;
    private final OpsServer http;
    private final BrokerReachability brokers;

    public ServingNode(CrimecastConfig config) {
        this(config, grids(config), List.of());
    }

    /**
     * An instance serving {@code grids} instead of the configured regions' (bench varies cell sizes and region counts);
     * {@code meterFilters} apply before the first meter is registered.
     */
    public ServingNode(CrimecastConfig config, List<Grid> grids, List<MeterFilter> meterFilters) {
        NativeThreads.limitUnlessConfigured();
        meterFilters.forEach(registry.config()::meterFilter);
        this.grids = grids;
        new JvmMemoryMetrics().bindTo(registry);
        MovingAverageForecaster baseline = new MovingAverageForecaster(MovingAverageForecaster.DEFAULT_DAYS);
        byte[] signingKey = config.modelSigningKeyBytes();
        // The port first: the app advertises it, so that other instances can forward queries about its regions.
        http = OpsServer.bind(config.httpHost(), config.httpPort());
        HostInfo self = new HostInfo(advertisedHost(config), http.port());
        String selfHostPort = self.host() + ":" + self.port();
        BrokerReachability reachability = null;
        StreamApp streamApp = null;
        try {
            streamApp = new StreamApp(config, grids, ForecasterFactory.serving(baseline, signingKey, metrics), metrics, selfHostPort);
            http.handle("/", new QueryHttp(grids, StateLocator.of(streamApp.streams(), self), selfHostPort, config.httpToken(),
                    config.httpCorsOrigin()));
            reachability = BrokerReachability.start(config.bootstrapServers(), config.clientProperties(), config.brokerUnreachableTimeout());
            BrokerReachability brokersAnswer = reachability;
            StreamApp running = streamApp;
            // Ready: RUNNING and the brokers answer. Liveness ignores the brokers: a restart would not bring them back.
            http.start(registry, running::isAlive, () -> running.isRunning() && brokersAnswer.reachable());
        } catch (RuntimeException e) {
            if (reachability != null) {
                reachability.close();
            }
            if (streamApp != null) {
                streamApp.close();
            }
            http.close();
            throw e;
        }
        app = streamApp;
        brokers = reachability;
        app.start();
    }

    /** Where other instances reach this one: as configured, else the bind address unless that is every address. */
    private static String advertisedHost(CrimecastConfig config) {
        if (config.httpAdvertisedHost() != null) {
            return config.httpAdvertisedHost();
        }
        if (!config.httpHost().equals("0.0.0.0") && !config.httpHost().equals("::")) {
            return config.httpHost();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot tell this machine's host name; set " + CrimecastConfig.ENV_HTTP_ADVERTISED_HOST, e);
        }
    }

    /** The grids of the configured regions; a clear error when there is none or a region file is wrong. */
    public static List<Grid> grids(CrimecastConfig config) {
        if (config.regions().isEmpty()) {
            throw new IllegalArgumentException("no region: give --region or set " + CrimecastConfig.ENV_REGIONS);
        }
        return config.regions().stream().map(Regions::load).map(Grid::new).toList();
    }

    public List<Grid> grids() {
        return grids;
    }

    public StreamApp app() {
        return app;
    }

    public CrimecastMetrics metrics() {
        return metrics;
    }

    /** Waits until the app has handled {@code incidents} incidents; fails if the app dies meanwhile. */
    public void awaitHandled(long incidents, LongConsumer progress) throws InterruptedException {
        awaitHandled(List.of(this), incidents, progress);
    }

    /** Waits until the instances together have handled {@code incidents} incidents; fails if one dies meanwhile. */
    public static void awaitHandled(List<ServingNode> nodes, long incidents, LongConsumer progress) throws InterruptedException {
        while (true) {
            long handled = 0;
            for (ServingNode node : nodes) {
                if (!node.app.isAlive()) {
                    throw new IllegalStateException("the streaming app stopped (" + node.app.streams().state() + ") after "
                            + node.metrics.incidentsHandled() + " incidents of " + incidents + " to handle; see the log");
                }
                handled += node.metrics.incidentsHandled();
            }
            if (handled >= incidents) {
                return;
            }
            progress.accept(handled);
            Thread.sleep(100);
        }
    }

    public String url(String path) {
        return http.url(path);
    }

    @Override
    public void close() {
        brokers.close();
        app.close();
        http.close();
        registry.close();
    }
}
