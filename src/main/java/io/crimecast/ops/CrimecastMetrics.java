package io.crimecast.ops;

import io.crimecast.incident.Rejection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * CrimeCast's own meters. Metrics are at-least-once: a task that is retried after a crash counts its records again,
 * while the topics themselves stay exactly-once.
 */
public final class CrimecastMetrics {
    private static final String DAY_CLOSE_LATENCY = "crimecast.day.close.latency";
    public static final String DAILY = "daily";
    public static final String WEEKLY = "weekly";
    private final MeterRegistry registry;
    private final Map<String, Meter.Id> modelGauges = new ConcurrentHashMap<>();

    public CrimecastMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void accepted(String region) {
        registry.counter("crimecast.incidents.accepted", "region", region).increment();
    }

    public void rejected(Rejection rejection) {
        registry.counter("crimecast.incidents.rejected",
                "reason", rejection.reason().wireName(), "stage", rejection.stage().wireName()).increment();
    }

    public void late(String region) {
        registry.counter("crimecast.incidents.late", "region", region).increment();
    }

    /**
     * Day-close percentiles over a whole run instead of Micrometer's two-minute window, for benchmarks (a run of 20
     * slow closes outlasts the window), to 3 significant digits instead of 1.
     */
    public static MeterFilter dayCloseLatencyOverWholeRun() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().equals(DAY_CLOSE_LATENCY)
                        ? DistributionStatisticConfig.builder().expiry(Duration.ofDays(3650)).bufferLength(1)
                        .percentilePrecision(3).build().merge(config)
                        : config;
            }
        };
    }

    /** @param weekly a close that also forecast the longer periods (Sundays'), timed apart from the daily ones */
    public void dayClosed(String region, String trigger, Duration latency, int cells, boolean weekly) {
        registry.counter("crimecast.days.closed", "region", region, "trigger", trigger).increment();
        Timer.builder(DAY_CLOSE_LATENCY)
                .description("from the close trigger to the last forecast forwarded")
                .publishPercentiles(0.5, 0.99)
                .tag("region", region).tag("close", weekly ? WEEKLY : DAILY).register(registry).record(latency);
        Counter.builder("crimecast.cells.forecast").tag("region", region).register(registry).increment(cells);
    }

    public void bundleRefused(String region, String reason) {
        registry.counter("crimecast.models.refused", "region", region, "reason", reason).increment();
    }

    /** A served model threw or returned unusable values; the baseline forecast that day instead. */
    public void forecastFailed(String region, String version) {
        registry.counter("crimecast.forecasts.failed", "region", region, "model", version).increment();
    }

    /**
     * An info-style gauge: 1 for the model version a region's layer serves now for {@code forecast} ("next-day" or
     * "periods", the longer horizons); the previous version's series goes away.
     */
    public void modelInUse(String region, String layer, String forecast, String version) {
        String key = region + '/' + layer + '/' + forecast;
        Meter.Id current = modelGauges.get(key);
        if (current != null && version.equals(current.getTag("version"))) {
            return;
        }
        if (current != null) {
            registry.remove(current);
        }
        modelGauges.put(key, Gauge.builder("crimecast.model.in.use", () -> 1).tag("region", region).tag("layer", layer).tag("forecast", forecast)
                .tag("version", version).description("the model version serving forecasts").register(registry).getId());
    }

    /** The model version each region's layer serves now (key region/layer/forecast; the baseline's name until a model is published). */
    public Map<String, String> modelsInUse() {
        Map<String, String> inUse = new java.util.TreeMap<>();
        modelGauges.forEach((key, id) -> inUse.put(key, id.getTag("version")));
        return inUse;
    }

    /** Each region's day closes so far: count, mean, median, 99th percentile and max latency (benchmarks print it). */
    public List<DayCloses> dayCloses() {
        return registry.find(DAY_CLOSE_LATENCY).timers().stream().map(t -> {
            var snapshot = t.takeSnapshot();
            double p50 = Double.NaN, p99 = Double.NaN;
            for (var v : snapshot.percentileValues()) {
                if (v.percentile() == 0.5) {
                    p50 = v.value(TimeUnit.SECONDS);
                } else if (v.percentile() == 0.99) {
                    p99 = v.value(TimeUnit.SECONDS);
                }
            }
            return new DayCloses(t.getId().getTag("region"), t.getId().getTag("close"), snapshot.count(), snapshot.mean(TimeUnit.SECONDS), p50, p99,
                    snapshot.max(TimeUnit.SECONDS));
        }).toList();
    }

    /** @param close {@link #DAILY} or {@link #WEEKLY} */
    public record DayCloses(String region, String close, long count, double meanSeconds, double p50Seconds, double p99Seconds, double maxSeconds) {
    }

    /** Incidents the topology has finished with, counted or rejected (for benchmarks and the demo). */
    public long incidentsHandled() {
        double accepted = registry.find("crimecast.incidents.accepted").counters().stream().mapToDouble(Counter::count).sum();
        double rejected = registry.find("crimecast.incidents.rejected").counters().stream().mapToDouble(Counter::count).sum();
        return Math.round(accepted + rejected);
    }
}
