package io.crimecast.train;

import io.crimecast.model.CountFeatures;
import io.crimecast.model.CountNetwork;
import io.crimecast.model.ModelKind;

/** A network after early stopping, holding the parameters of its best validation epoch. */
public record TrainedNetwork(ModelKind kind, CountFeatures features, CountNetwork network, int epochs, int bestEpoch,
                             double seconds) {
    public double secondsPerEpoch() {
        return seconds / epochs;
    }
}
