package io.crimecast.train;

import io.crimecast.model.CountFeatures;
import io.crimecast.model.CountNetwork;
import io.crimecast.model.ModelKind;

/** A network after early stopping, holding the parameters of its best validation epoch and that epoch's MSE. */
public record TrainedNetwork(ModelKind kind, TrainSettings settings, CountNetwork network, int epochs, int bestEpoch,
                             double validationMse, double seconds) {
    public CountFeatures features() {
        return settings.features();
    }

    public double secondsPerEpoch() {
        return seconds / epochs;
    }

    public double validationRmse() {
        return Math.sqrt(validationMse);
    }

    /** "lstm w8 64u lr0.001": the kind and the settings validation chose. */
    public String label() {
        return kind.cliName() + " " + settings.label();
    }
}
