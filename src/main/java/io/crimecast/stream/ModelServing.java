package io.crimecast.stream;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Layer;
import io.crimecast.model.BundleException;
import io.crimecast.model.CombinedForecaster;
import io.crimecast.model.Forecaster;
import io.crimecast.model.ForecasterSource;
import io.crimecast.model.ModelBundle;
import io.crimecast.model.ModelKind;
import io.crimecast.model.PeriodForecaster;
import io.crimecast.model.TrailingRate;
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
 * model gives the next day's expected counts, a hotspot classifier (if any) the probabilities, a per-cell network
 * (if any) the longer periods' counts; a bundle that fails its checksum or
 * signature, does not fit the grid or will not load is refused, counted, and the previous model (or the baseline)
 * keeps serving.
 */
final class ModelServing implements ForecasterSource {
    private static final Logger LOG = LoggerFactory.getLogger(ModelServing.class);
    private static final String NEXT_DAY = "next-day";
    private static final String PERIODS = "periods";

    private final ReadOnlyKeyValueStore<String, byte[]> store;
    private final Forecaster baseline;
    private final byte[] signingKey;
    private final CrimecastMetrics metrics;
    /** Per store key: the bytes last seen and what they gave (no forecaster: refused and nothing good before). */
    private final Map<String, Loaded> loaded = new HashMap<>();

    /** One of {@code forecaster} (next day) and {@code periods} is set for a bundle that loaded; neither for a refused one. */
    private record Loaded(byte[] bytes, Forecaster forecaster, PeriodForecaster periods, Instant createdAt) {
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
            if (kind.role() == ModelKind.Role.PERIODS) {
                continue;
            }
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
        metrics.modelInUse(grid.region(), layer.name(), NEXT_DAY, served.version());
        return served == baseline ? baseline : new FallbackForecaster(served, baseline, metrics);
    }

    /** A layer's longer periods: its per-cell network if one is served, else the trailing year's rate. */
    @Override
    public PeriodForecaster periods(Grid grid, Layer layer) {
        Loaded l = refresh(grid, ModelBundle.key(grid.region(), layer.name(), ModelKind.CELL_MLP));
        PeriodForecaster served = l == null || l.periods() == null ? TrailingRate.YEAR : l.periods();
        metrics.modelInUse(grid.region(), layer.name(), PERIODS, served.version());
        return served == TrailingRate.YEAR ? served : new FallbackForecaster.Periods(served, TrailingRate.YEAR, metrics);
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
            boolean periods = bundle.metadata().kind().role() == ModelKind.Role.PERIODS;
            Loaded now = periods ? new Loaded(bytes, null, bundle.toPeriodForecaster(grid), bundle.metadata().createdAt())
                    : new Loaded(bytes, bundle.toForecaster(grid), null, bundle.metadata().createdAt());
            loaded.put(key, now);
            LOG.info("serving model {} for {} (kind {}, trained {}..{})", bundle.metadata().version(), grid.region(),
                    bundle.metadata().kind().cliName(), bundle.metadata().trainFrom(), bundle.metadata().trainTo());
            return now;
        } catch (BundleException e) {
            metrics.bundleRefused(grid.region(), e.reason().code());
            Loaded keep = previous == null ? new Loaded(bytes, null, null, Instant.EPOCH)
                    : new Loaded(bytes, previous.forecaster(), previous.periods(), previous.createdAt());
            String kept = keep.forecaster() != null ? keep.forecaster().version() : keep.periods() != null ? keep.periods().version() : "the baseline";
            LOG.warn("refused model bundle {}: {}; {} keeps serving", key, e.getMessage(), kept);
            // Remember the refused bytes so they are not retried and re-logged at every day close.
            loaded.put(key, keep);
            return keep;
        }
    }
}
