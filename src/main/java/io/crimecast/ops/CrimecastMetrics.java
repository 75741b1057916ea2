package io.crimecast.ops;

import io.crimecast.incident.Rejection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CrimeCast's own meters. Metrics are at-least-once: a task that is retried after a crash counts its records again,
 * while the topics themselves stay exactly-once.
 */
public final class CrimecastMetrics {
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

    public void dayClosed(String region, String trigger, Duration latency, int cells) {
        registry.counter("crimecast.days.closed", "region", region, "trigger", trigger).increment();
        Timer.builder("crimecast.day.close.latency")
                .description("from the close trigger to the last forecast forwarded")
                .tag("region", region).register(registry).record(latency);
        Counter.builder("crimecast.cells.forecast").tag("region", region).register(registry).increment(cells);
    }

    public void bundleRefused(String region, String reason) {
        registry.counter("crimecast.models.refused", "region", region, "reason", reason).increment();
    }

    /** A served model threw or returned unusable values; the baseline forecast that day instead. */
    public void forecastFailed(String region, String version) {
        registry.counter("crimecast.forecasts.failed", "region", region, "model", version).increment();
    }

    /** An info-style gauge: 1 for the model version a region serves now; the previous version's series goes away. */
    public void modelInUse(String region, String version) {
        Meter.Id current = modelGauges.get(region);
        if (current != null && version.equals(current.getTag("version"))) {
            return;
        }
        if (current != null) {
            registry.remove(current);
        }
        modelGauges.put(region, Gauge.builder("crimecast.model.in.use", () -> 1).tag("region", region).tag("version", version)
                .description("the model version serving forecasts").register(registry).getId());
    }

    /** Incidents the topology has finished with, counted or rejected (for benchmarks and the demo). */
    public long incidentsHandled() {
        double accepted = registry.find("crimecast.incidents.accepted").counters().stream().mapToDouble(Counter::count).sum();
        double rejected = registry.find("crimecast.incidents.rejected").counters().stream().mapToDouble(Counter::count).sum();
        return Math.round(accepted + rejected);
    }
}
