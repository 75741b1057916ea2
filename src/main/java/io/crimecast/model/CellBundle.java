package io.crimecast.model;

import io.crimecast.grid.Grid;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Carries a {@link CellNetwork} in a {@link ModelBundle}: the weights are its ModelSerializer bytes; the features
 * it reads are named by {@link CellFeatures#SETTINGS} (as {@code normalisation}; a bundle naming others is refused),
 * {@code window} is the days it reads, and {@code extra} holds the loss, the feature standardisation, the horizons
 * it was trained on and its blend with a trailing count (a bundle without one is refused). Daily bins do not apply to period forecasts: there are none.
 */
public final class CellBundle {
    static final String LOSS = "loss";
    static final String FEATURE_MEAN = "featureMean";
    static final String FEATURE_SCALE = "featureScale";
    static final String HORIZONS = "horizons";
    static final String BLEND_LOOKBACK = "blendLookbackDays";
    static final String BLEND_WEIGHT = "blendNetworkWeight";

    private CellBundle() {
    }

    /** The bundle of a network trained on {@code trainFrom..trainTo} (its validation period follows). */
    public static ModelBundle of(CellNetwork network, Grid grid, String layer, LocalDate trainFrom, LocalDate trainTo, Instant createdAt) {
        byte[] weights = network.weights();
        CRC32 crc = new CRC32();
        crc.update(weights);
        String version = "cell-mlp-%s-%08x".formatted(layer, crc.getValue());
        float[][] standardisation = network.standardisation();
        BundleMetadata metadata = new BundleMetadata(GridKey.of(grid), ModelKind.CELL_MLP, CellNetwork.HISTORY_DAYS, 1, CellFeatures.SETTINGS,
                new double[0], grid.spec().hotspot(), trainFrom, trainTo, List.of(), version, createdAt,
                Map.of(LOSS, network.loss().name(), FEATURE_MEAN, list(standardisation[0]), FEATURE_SCALE, list(standardisation[1]),
                        HORIZONS, Arrays.stream(CellNetwork.HORIZONS).boxed().toList(),
                        BLEND_LOOKBACK, network.blend().lookbackDays(), BLEND_WEIGHT, network.blend().networkWeight()), layer);
        return new ModelBundle(metadata, weights);
    }

    static PeriodForecaster load(ModelBundle bundle) throws IOException {
        BundleMetadata m = bundle.metadata();
        if (!CellFeatures.SETTINGS.equals(m.normalisation())) {
            throw new IllegalArgumentException("the network reads other features ('" + m.normalisation() + "') than this version computes");
        }
        CellNetwork network = CellNetwork.restore(bundle.weights(), CellNetwork.Loss.valueOf(String.valueOf(m.extra().get(LOSS))),
                floats(m, FEATURE_MEAN), floats(m, FEATURE_SCALE),
                new CellNetwork.Blend(number(m, BLEND_LOOKBACK).intValue(), number(m, BLEND_WEIGHT).doubleValue()));
        return new CellNetworkForecaster(network, m.version());
    }

    private static List<Double> list(float[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (double) values[i];
        }
        return List.of(out);
    }

    private static Number number(BundleMetadata m, String key) {
        if (!(m.extra().get(key) instanceof Number n)) {
            throw new IllegalArgumentException("the bundle's extra lacks '" + key + "' (made before the network's blend with a trailing count and its fit as a correction"
                    + " of the all-history count)");
        }
        return n;
    }

    private static float[] floats(BundleMetadata m, String key) {
        if (!(m.extra().get(key) instanceof List<?> values)) {
            throw new IllegalArgumentException("the bundle's extra lacks '" + key + "'");
        }
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(values.get(i) instanceof Number n)) {
                throw new IllegalArgumentException("'" + key + "' holds a non-number");
            }
            out[i] = n.floatValue();
        }
        return out;
    }
}
