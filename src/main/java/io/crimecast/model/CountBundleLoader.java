package io.crimecast.model;

import io.crimecast.grid.Grid;

import java.io.IOException;

/** Loads the four count kinds: GRU from SameDiff, the others from DL4J's ModelSerializer. */
final class CountBundleLoader {
    private CountBundleLoader() {
    }

    static Forecaster load(ModelBundle bundle, Grid grid) throws IOException {
        BundleMetadata m = bundle.metadata();
        CountFeatures features = new CountFeatures(m.window(), Normalisation.valueOf(m.normalisation()));
        CountNetwork network = m.kind() == ModelKind.GRU
                ? SameDiffGruNetwork.load(bundle.weights())
                : MultiLayerCountNetwork.load(bundle.weights());
        return new NetworkForecaster(m.version(), features, network, m.bins());
    }
}
