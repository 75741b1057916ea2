package io.crimecast.train;

import io.crimecast.model.CountFeatures;
import io.crimecast.model.Normalisation;

/**
 * How count networks are trained. Defaults are what measured best on Philadelphia (see the benchmark).
 *
 * @param validationShare the last part of the training days held out for early stopping and the publish decision
 * @param patience        epochs without a better validation error before training stops (best epoch restored)
 */
public record TrainSettings(int window, Normalisation normalisation, int hidden, int batchSize, double learningRate,
                            int maxEpochs, int patience, double validationShare, long seed) {
    public static final int DEFAULT_MAX_EPOCHS = 40;

    public TrainSettings {
        if (hidden < 1 || batchSize < 1 || maxEpochs < 1 || patience < 1) {
            throw new IllegalArgumentException("hidden, batchSize, maxEpochs and patience must be positive");
        }
        if (!(validationShare > 0 && validationShare < 1)) {
            throw new IllegalArgumentException("validationShare must be in (0, 1), was " + validationShare);
        }
        new CountFeatures(window, normalisation); // validates the window
    }

    public static TrainSettings defaults() {
        return new TrainSettings(8, Normalisation.TRAILING_RATIO, 64, 64, 1e-3, DEFAULT_MAX_EPOCHS, 5, 0.15, 42);
    }

    public CountFeatures features() {
        return new CountFeatures(window, normalisation);
    }

    public TrainSettings withWindow(int days) {
        return new TrainSettings(days, normalisation, hidden, batchSize, learningRate, maxEpochs, patience, validationShare, seed);
    }

    public TrainSettings withBatchSize(int size) {
        return new TrainSettings(window, normalisation, hidden, size, learningRate, maxEpochs, patience, validationShare, seed);
    }

    public TrainSettings withEpochs(int max, int patienceEpochs) {
        return new TrainSettings(window, normalisation, hidden, batchSize, learningRate, max, patienceEpochs, validationShare, seed);
    }

    public TrainSettings withNormalisation(Normalisation n) {
        return new TrainSettings(window, n, hidden, batchSize, learningRate, maxEpochs, patience, validationShare, seed);
    }

    public TrainSettings withHidden(int units) {
        return new TrainSettings(window, normalisation, units, batchSize, learningRate, maxEpochs, patience, validationShare, seed);
    }

    public TrainSettings withSeed(long s) {
        return new TrainSettings(window, normalisation, hidden, batchSize, learningRate, maxEpochs, patience, validationShare, s);
    }
}
