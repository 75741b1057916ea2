package io.crimecast.train;

import io.crimecast.model.CountFeatures;
import io.crimecast.model.Normalisation;

import java.util.ArrayList;
import java.util.List;

/**
 * How count networks are trained. {@link Trainer#search} trains one network per combination in {@code search}
 * (windows x hidden units x learning rates) and keeps the one with the lowest validation RMSE: every choice is made
 * on the validation days, never the test days. Batch 64, level-ratio inputs and patience 5 stay fixed.
 *
 * @param window           the window {@link Trainer#fit} uses
 * @param search           the settings compared on validation (small: each combination costs a full training)
 * @param validationShare  the last part of the training days held out for early stopping and every choice
 * @param patience         epochs without a better validation error before training stops (best epoch restored)
 */
public record TrainSettings(int window, SearchSpace search, Normalisation normalisation, int hidden, int batchSize,
                            double learningRate, int maxEpochs, int patience, double validationShare, long seed) {
    public static final int DEFAULT_MAX_EPOCHS = 40;
    public static final List<Integer> DEFAULT_WINDOWS = List.of(8, 14);

    /** The windows, hidden units and learning rates compared on validation; every combination is trained. */
    public record SearchSpace(List<Integer> windows, List<Integer> hidden, List<Double> learningRates) {
        public SearchSpace {
            windows = List.copyOf(windows);
            hidden = List.copyOf(hidden);
            learningRates = List.copyOf(learningRates);
            if (windows.isEmpty() || hidden.isEmpty() || learningRates.isEmpty()) {
                throw new IllegalArgumentException("at least one window, hidden size and learning rate are needed");
            }
            if (hidden.stream().anyMatch(h -> h < 1) || learningRates.stream().anyMatch(r -> !(r > 0 && r < 1))) {
                throw new IllegalArgumentException("hidden units must be positive and learning rates in (0, 1), were " + hidden + " and " + learningRates);
            }
        }

        public int size() {
            return windows.size() * hidden.size() * learningRates.size();
        }
    }

    public TrainSettings {
        if (hidden < 1 || batchSize < 1 || maxEpochs < 1 || patience < 1) {
            throw new IllegalArgumentException("hidden, batchSize, maxEpochs and patience must be positive");
        }
        if (!(validationShare > 0 && validationShare < 1)) {
            throw new IllegalArgumentException("validationShare must be in (0, 1), was " + validationShare);
        }
        new CountFeatures(window, normalisation); // validates the window
        search.windows().forEach(w -> new CountFeatures(w, normalisation));
    }

    public static TrainSettings defaults() {
        return new TrainSettings(8, new SearchSpace(DEFAULT_WINDOWS, List.of(64), List.of(1e-3)), Normalisation.TRAILING_RATIO, 64, 64, 1e-3,
                DEFAULT_MAX_EPOCHS, 5, 0.15, 42);
    }

    public CountFeatures features() {
        return new CountFeatures(window, normalisation);
    }

    /** The features of the candidate needing the most history: splits built on it give every candidate the same days. */
    public CountFeatures widestFeatures() {
        return new CountFeatures(search.windows().stream().mapToInt(Integer::intValue).max().orElseThrow(), normalisation);
    }

    /** This window only (the search compares no others). */
    public TrainSettings withWindow(int days) {
        return new TrainSettings(days, new SearchSpace(List.of(days), search.hidden(), search.learningRates()), normalisation, hidden,
                batchSize, learningRate, maxEpochs, patience, validationShare, seed);
    }

    public TrainSettings withSearch(SearchSpace space) {
        return new TrainSettings(window, space, normalisation, hidden, batchSize, learningRate, maxEpochs, patience, validationShare, seed);
    }

    /** Just these settings: nothing to compare. */
    public TrainSettings withoutSearch() {
        return withSearch(new SearchSpace(List.of(window), List.of(hidden), List.of(learningRate)));
    }

    /** Every combination of the search space, each a full set of settings to train with. */
    public List<TrainSettings> candidates() {
        List<TrainSettings> all = new ArrayList<>();
        for (int w : search.windows()) {
            for (int h : search.hidden()) {
                for (double r : search.learningRates()) {
                    all.add(new TrainSettings(w, search, normalisation, h, batchSize, r, maxEpochs, patience, validationShare, seed));
                }
            }
        }
        return all;
    }

    /** "w8 64u lr0.001". */
    public String label() {
        return "w%d %du lr%s".formatted(window, hidden, learningRate);
    }

    public TrainSettings withBatchSize(int size) {
        return new TrainSettings(window, search, normalisation, hidden, size, learningRate, maxEpochs, patience, validationShare, seed);
    }

    public TrainSettings withEpochs(int max, int patienceEpochs) {
        return new TrainSettings(window, search, normalisation, hidden, batchSize, learningRate, max, patienceEpochs, validationShare, seed);
    }

    /** These hidden units only (the search compares no others). */
    public TrainSettings withHidden(int units) {
        return new TrainSettings(window, new SearchSpace(search.windows(), List.of(units), search.learningRates()), normalisation, units,
                batchSize, learningRate, maxEpochs, patience, validationShare, seed);
    }
}
