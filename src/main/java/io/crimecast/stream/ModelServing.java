package io.crimecast.stream;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Layer;
import io.crimecast.model.BundleException;
import io.crimecast.model.CombinedForecaster;
import io.crimecast.model.Forecaster;
import io.crimecast.model.ForecasterSource;
import io.crimecast.model.ModelBundle;
import io.crimecast.model.ModelKind;
import io.crimecast.ops.CrimecastMetrics;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Serves the newest valid model bundle of each region from the global model store, without a restart. The store
 * holds one bundle per region and kind (compacted topic {@code model-weights}, key region/kind). The newest count
 * model gives expected counts, a hotspot classifier (if any) the probabilities; a bundle that fails its checksum or
 * signature, does not fit the grid or will not load is refused, counted, and the previous model (or the baseline)
 * keeps serving.
 */
final class ModelServing implements ForecasterSource {
    private static final Logger LOG = LoggerFactory.getLogger(ModelServing.class);

    private final ReadOnlyKeyValueStore<String, byte[]> store;
    private final Forecaster baseline;
    private final byte[] signingKey;
    private final CrimecastMetrics metrics;
    /** Per store key: the bytes last seen and what they gave (no forecaster: refused and nothing good before). */
    private final Map<String, Loaded> loaded = new HashMap<>();

    private record Loaded(byte[] bytes, Forecaster forecaster, Instant createdAt) {
    }

    ModelServing(ReadOnlyKeyValueStore<String, byte[]> store, Forecaster baseline, byte[] signingKey, CrimecastMetrics metrics) {
        this.store = store;
        this.baseline = baseline;
        this.signingKey = signingKey;
        this.metrics = metrics;
    }

    /** Each layer is served by the bundles trained on its counts; a layer without one gets the baseline. */
    @Override
    public Forecaster current(Grid grid, Layer layer) {
        Loaded counts = null;
        Loaded hotspots = null;
        for (ModelKind kind : ModelKind.values()) {
            Loaded l = refresh(grid, ModelBundle.key(grid.region(), layer.name(), kind));
            if (l == null || l.forecaster() == null) {
                continue;
            }
            if (kind.countModel()) {
                counts = newer(counts, l);
            } else {
                hotspots = newer(hotspots, l);
            }
        }
        Forecaster countForecaster = counts == null ? baseline : counts.forecaster();
        Forecaster served = hotspots == null ? countForecaster : new CombinedForecaster(countForecaster, hotspots.forecaster());
        metrics.modelInUse(grid.region(), layer.name(), served.version());
        return served == baseline ? baseline : new FallbackForecaster(served, baseline, metrics);
    }

    private static Loaded newer(Loaded a, Loaded b) {
        return a == null || b.createdAt().isAfter(a.createdAt()) ? b : a;
    }

    /** Loads the bundle under {@code key} if its bytes changed; a refused bundle keeps the last good one. */
    private Loaded refresh(Grid grid, String key) {
        byte[] bytes = store.get(key);
        Loaded previous = loaded.get(key);
        if (bytes == null) { // never published, or deleted with a tombstone: stop serving it
            loaded.remove(key);
            return null;
        }
        if (previous != null && Arrays.equals(previous.bytes(), bytes)) {
            return previous;
        }
        try {
            ModelBundle bundle = ModelBundle.read(bytes, signingKey);
            Forecaster forecaster = bundle.toForecaster(grid);
            Loaded now = new Loaded(bytes, forecaster, bundle.metadata().createdAt());
            loaded.put(key, now);
            LOG.info("serving model {} for {} (kind {}, trained {}..{})", forecaster.version(), grid.region(),
                    bundle.metadata().kind().cliName(), bundle.metadata().trainFrom(), bundle.metadata().trainTo());
            return now;
        } catch (BundleException e) {
            metrics.bundleRefused(grid.region(), e.reason().code());
            Forecaster kept = previous == null ? null : previous.forecaster();
            LOG.warn("refused model bundle {}: {}; {} keeps serving", key, e.getMessage(), kept == null ? "the baseline" : kept.version());
            // Remember the refused bytes so they are not retried and re-logged at every day close.
            Loaded keep = new Loaded(bytes, kept, previous == null ? Instant.EPOCH : previous.createdAt());
            loaded.put(key, keep);
            return keep;
        }
    }
}
