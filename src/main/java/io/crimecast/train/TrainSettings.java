package io.crimecast.train;

import io.crimecast.model.CountFeatures;
import io.crimecast.model.Normalisation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * How count networks are trained. {@link Trainer#search} trains one network per combination in {@code search}
 * (windows x hidden units x learning rates x batch sizes x patience x normalisations) and keeps the one with the
 * lowest validation RMSE: every choice is made on the validation days, never the test days.
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

    /** The values of each setting compared on validation; every combination is trained. */
    public record SearchSpace(List<Integer> windows, List<Integer> hidden, List<Double> learningRates, List<Integer> batchSizes,
                              List<Integer> patience, List<Normalisation> normalisations) {
        public SearchSpace {
            windows = List.copyOf(windows);
            hidden = List.copyOf(hidden);
            learningRates = List.copyOf(learningRates);
            batchSizes = List.copyOf(batchSizes);
            patience = List.copyOf(patience);
            normalisations = List.copyOf(normalisations);
            if (Stream.of(windows, hidden, learningRates, batchSizes, patience, normalisations).anyMatch(List::isEmpty)) {
                throw new IllegalArgumentException("every setting searched needs at least one value");
            }
            if (Stream.of(hidden, batchSizes, patience).flatMap(List::stream).anyMatch(v -> v < 1)
                    || learningRates.stream().anyMatch(r -> !(r > 0 && r < 1))) {
                throw new IllegalArgumentException("hidden units, batch sizes and patience must be positive and learning rates in (0, 1), were "
                        + hidden + ", " + batchSizes + ", " + patience + " and " + learningRates);
            }
        }

        /** Only the windows, hidden units and learning rates are compared: batch, patience and normalisation as given. */
        public SearchSpace(List<Integer> windows, List<Integer> hidden, List<Double> learningRates, int batchSize, int patience,
                           Normalisation normalisation) {
            this(windows, hidden, learningRates, List.of(batchSize), List.of(patience), List.of(normalisation));
        }

        /** The settings in the order their combinations are enumerated, the last varying fastest. */
        private List<List<?>> axes() {
            return List.of(windows, hidden, learningRates, batchSizes, patience, normalisations);
        }

        public int size() {
            return axes().stream().mapToInt(List::size).reduce(1, (a, b) -> a * b);
        }

        /** Combination {@code k}'s index into each setting's values (mixed radix, the last setting fastest). */
        private int[] position(int k) {
            List<List<?>> axes = axes();
            int[] at = new int[axes.size()];
            for (int a = axes.size() - 1; a >= 0; a--) {
                at[a] = k % axes.get(a).size();
                k /= axes.get(a).size();
            }
            return at;
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
        return new TrainSettings(8, new SearchSpace(DEFAULT_WINDOWS, List.of(64), List.of(1e-3), 64, 5, Normalisation.TRAILING_RATIO),
                Normalisation.TRAILING_RATIO, 64, 64, 1e-3, DEFAULT_MAX_EPOCHS, 5, 0.15, 42);
    }

    public CountFeatures features() {
        return new CountFeatures(window, normalisation);
    }

    /** The features of the candidate needing the most history: splits built on it give every candidate the same days. */
    public CountFeatures widestFeatures() {
        return new CountFeatures(search.windows().stream().mapToInt(Integer::intValue).max().orElseThrow(), normalisation);
    }

    public TrainSettings withSearch(SearchSpace space) {
        return new TrainSettings(window, space, normalisation, hidden, batchSize, learningRate, maxEpochs, patience, validationShare, seed);
    }

    /** Just these settings: nothing to compare. */
    public TrainSettings withoutSearch() {
        return withSearch(new SearchSpace(List.of(window), List.of(hidden), List.of(learningRate), batchSize, patience, normalisation));
    }

    /** Every combination of the search space, each a full set of settings to train with. */
    public List<TrainSettings> candidates() {
        List<TrainSettings> all = new ArrayList<>();
        for (int k = 0; k < search.size(); k++) {
            int[] at = search.position(k);
            all.add(new TrainSettings(search.windows().get(at[0]), search, search.normalisations().get(at[5]), search.hidden().get(at[1]),
                    search.batchSizes().get(at[3]), search.learningRates().get(at[2]), maxEpochs, search.patience().get(at[4]), validationShare, seed));
        }
        return all;
    }

    /** "w8 64u lr0.001", then batch, patience and normalisation where the search compares several ("b32 p10 TRAILING_RESIDUAL"). */
    public String label() {
        StringBuilder label = new StringBuilder("w%d %du lr%s".formatted(window, hidden, learningRate));
        if (search.batchSizes().size() > 1) {
            label.append(" b").append(batchSize);
        }
        if (search.patience().size() > 1) {
            label.append(" p").append(patience);
        }
        if (search.normalisations().size() > 1) {
            label.append(' ').append(normalisation);
        }
        return label.toString();
    }

    /** This batch size only (the search compares no others). */
    public TrainSettings withBatchSize(int size) {
        SearchSpace s = search;
        return new TrainSettings(window, new SearchSpace(s.windows(), s.hidden(), s.learningRates(), List.of(size), s.patience(), s.normalisations()),
                normalisation, hidden, size, learningRate, maxEpochs, patience, validationShare, seed);
    }

    /** At most {@code max} epochs, and this patience only (the search compares no other). */
    public TrainSettings withEpochs(int max, int patienceEpochs) {
        SearchSpace s = search;
        return new TrainSettings(window, new SearchSpace(s.windows(), s.hidden(), s.learningRates(), s.batchSizes(), List.of(patienceEpochs), s.normalisations()),
                normalisation, hidden, batchSize, learningRate, max, patienceEpochs, validationShare, seed);
    }

    /** These hidden units only (the search compares no others). */
    public TrainSettings withHidden(int units) {
        SearchSpace s = search;
        return new TrainSettings(window, new SearchSpace(s.windows(), List.of(units), s.learningRates(), s.batchSizes(), s.patience(), s.normalisations()),
                normalisation, units, batchSize, learningRate, maxEpochs, patience, validationShare, seed);
    }
}
