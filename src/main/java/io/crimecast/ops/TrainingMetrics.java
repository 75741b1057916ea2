package io.crimecast.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** What `train` reports while it runs: per-epoch errors and the hold-out comparison with the best baseline. */
public final class TrainingMetrics {
    private final MeterRegistry registry;
    private final Map<String, AtomicReference<Double>> values = new ConcurrentHashMap<>();

    public TrainingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The latest epoch's root mean squared error, in counts, on the training and the validation days. */
    public void epoch(String model, int epoch, double trainingRmse, double validationRmse) {
        set("crimecast.training.epoch", epoch, "model", model);
        set("crimecast.training.rmse", trainingRmse, "model", model, "split", "training");
        set("crimecast.training.rmse", validationRmse, "model", model, "split", "validation");
    }

    /** A hold-out figure of the model ({@code of} = "model") or of the baseline it must beat ({@code of} = "baseline"). */
    public void holdOut(String model, String metric, String of, double value) {
        set("crimecast.training.holdout", value, "model", model, "metric", metric, "of", of);
    }

    private void set(String name, double value, String... tags) {
        String key = name + String.join(",", tags);
        values.computeIfAbsent(key, k -> {
            AtomicReference<Double> ref = new AtomicReference<>(Double.NaN);
            registry.gauge(name, Tags.of(tags), ref, AtomicReference::get);
            return ref;
        }).set(value);
    }
}
