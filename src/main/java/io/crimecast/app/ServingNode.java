package io.crimecast.app;

import io.crimecast.config.CrimecastConfig;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.model.MovingAverageForecaster;
import io.crimecast.model.NativeThreads;
import io.crimecast.ops.BrokerReachability;
import io.crimecast.ops.CrimecastMetrics;
import io.crimecast.ops.OpsServer;
import io.crimecast.stream.ForecasterFactory;
import io.crimecast.stream.StreamApp;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongConsumer;

/** A running CrimeCast instance: the streaming app plus its metrics and health endpoints. */
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
        byte[] signingKey = config.modelSigningKey() == null ? null : config.modelSigningKey().getBytes(StandardCharsets.UTF_8);
        app = new StreamApp(config, grids, ForecasterFactory.serving(baseline, signingKey, metrics), metrics);
        BrokerReachability reachability = null;
        try {
            reachability = BrokerReachability.start(config.bootstrapServers(), config.clientProperties(), config.brokerUnreachableTimeout());
            BrokerReachability brokersAnswer = reachability;
            // Ready: RUNNING and the brokers answer. Liveness ignores the brokers: a restart would not bring them back.
            http = OpsServer.start(config.httpHost(), config.httpPort(), registry, app::isAlive,
                    () -> app.isRunning() && brokersAnswer.reachable());
        } catch (RuntimeException e) {
            if (reachability != null) {
                reachability.close();
            }
            app.close();
            throw e;
        }
        brokers = reachability;
        app.start();
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
        while (metrics.incidentsHandled() < incidents) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the streaming app stopped (" + app.streams().state() + ") after "
                        + metrics.incidentsHandled() + " of " + incidents + " incidents; see the log");
            }
            progress.accept(metrics.incidentsHandled());
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
