package io.crimecast.train;

import io.crimecast.model.CountFeatures;
import io.crimecast.model.Normalisation;

import java.util.List;

/**
 * How count networks are trained. The defaults are fixed, not tuned by the product: paper 000's 8-day window, 64
 * units, Adam at 1e-3, batch 64, level-ratio inputs, patience 5 (first set by runs that read 2021 test figures,
 * before the evaluation was reworked; nothing re-tunes them). The one setting the product tunes is the window:
 * {@link Trainer#searchWindows} trains one network per {@code windowCandidates} entry and the one with the lowest
 * validation RMSE is kept.
 *
 * @param window           the window {@link Trainer#fit} uses
 * @param windowCandidates the windows compared on validation (small: each costs a full training)
 * @param validationShare  the last part of the training days held out for early stopping and every choice
 * @param patience         epochs without a better validation error before training stops (best epoch restored)
 */
public record TrainSettings(int window, List<Integer> windowCandidates, Normalisation normalisation, int hidden, int batchSize,
                            double learningRate, int maxEpochs, int patience, double validationShare, long seed) {
    public static final int DEFAULT_MAX_EPOCHS = 40;
    public static final List<Integer> DEFAULT_WINDOWS = List.of(8, 14);

    public TrainSettings {
        if (hidden < 1 || batchSize < 1 || maxEpochs < 1 || patience < 1) {
            throw new IllegalArgumentException("hidden, batchSize, maxEpochs and patience must be positive");
        }
        if (!(validationShare > 0 && validationShare < 1)) {
            throw new IllegalArgumentException("validationShare must be in (0, 1), was " + validationShare);
        }
        windowCandidates = List.copyOf(windowCandidates);
        if (windowCandidates.isEmpty()) {
            throw new IllegalArgumentException("at least one window candidate is needed");
        }
        new CountFeatures(window, normalisation); // validates the window
        windowCandidates.forEach(w -> new CountFeatures(w, normalisation));
    }

    public static TrainSettings defaults() {
        return new TrainSettings(8, DEFAULT_WINDOWS, Normalisation.TRAILING_RATIO, 64, 64, 1e-3, DEFAULT_MAX_EPOCHS, 5, 0.15, 42);
    }

    public CountFeatures features() {
        return new CountFeatures(window, normalisation);
    }

    /** The features of the candidate needing the most history: splits built on it give every candidate the same days. */
    public CountFeatures widestFeatures() {
        return new CountFeatures(windowCandidates.stream().mapToInt(Integer::intValue).max().orElseThrow(), normalisation);
    }

    public TrainSettings withWindow(int days) {
        return new TrainSettings(days, windowCandidates, normalisation, hidden, batchSize, learningRate, maxEpochs, patience, validationShare, seed);
    }

    public TrainSettings withWindowCandidates(List<Integer> windows) {
        return new TrainSettings(window, windows, normalisation, hidden, batchSize, learningRate, maxEpochs, patience, validationShare, seed);
    }

    public TrainSettings withBatchSize(int size) {
        return new TrainSettings(window, windowCandidates, normalisation, hidden, size, learningRate, maxEpochs, patience, validationShare, seed);
    }

    public TrainSettings withEpochs(int max, int patienceEpochs) {
        return new TrainSettings(window, windowCandidates, normalisation, hidden, batchSize, learningRate, max, patienceEpochs, validationShare, seed);
    }

    public TrainSettings withHidden(int units) {
        return new TrainSettings(window, windowCandidates, normalisation, units, batchSize, learningRate, maxEpochs, patience, validationShare, seed);
    }
}
