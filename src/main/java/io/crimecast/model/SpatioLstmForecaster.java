package io.crimecast.model;

import io.crimecast.metrics.EqualWidthBins;
import io.crimecast.grid.Grid;
import io.crimecast.grid.HotspotRule;


/**
 * Serves a {@link SpatioLstm} as a daily {@link Forecaster}. Each day it reads the trailing
 * {@code steps x stepDays} closed days as whole steps ending on the last day (missing early days count as zero),
 * so the probability is P(the cell is a hotspot over the next {@code stepDays} days from tomorrow). The expected
 * count is the trailing daily mean over that window (the network classifies, it does not regress counts). Flags:
 * under a top-k% rule the k% of the training population's cell count with the highest probability; under a
 * minimum-count rule every cell more likely than not to reach it. Bins come from the training days, as for the
 * count kinds.
 */
public final class SpatioLstmForecaster implements Forecaster {
    private final SpatioLstm model;
    private final EqualWidthBins bins;
    private final String version;

    public SpatioLstmForecaster(SpatioLstm model, EqualWidthBins bins) {
        this.model = model;
        this.bins = bins;
        SpatioLstm.Spec spec = model.spec();
        this.version = "spatio-lstm-%dx%dd-%08x".formatted(spec.steps(), spec.stepDays(), model.fingerprint());
    }

    public SpatioLstm model() {
        return model;
    }

    public EqualWidthBins bins() {
        return bins;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public int historyDays() {
        return model.spec().contextSteps() * model.spec().stepDays();
    }

    @Override
    public Forecast forecast(Grid grid, DayHistory history) {
        SpatioLstm.Spec spec = model.spec();
        int cells = grid.cellCount();
        // the context's whole steps this history has (the levels are over those, as in training), at least the sequence
        int steps = Math.max(spec.steps(), Math.min(spec.contextSteps(), history.length() / spec.stepDays()));
        int[][] window = HotspotWindow.sum(history.days(), history.length(), spec.stepDays(), steps, cells);
        double[] probability = model.probabilities(grid, window);
        int daysSeen = Math.max(1, Math.min(history.length(), spec.steps() * spec.stepDays()));
        double[] expected = HotspotScorer.trailingMean(model.sequence(window));
        int[] bin = new int[cells];
        for (int c = 0; c < cells; c++) {
            expected[c] = expected[c] * spec.steps() / daysSeen;
            bin[c] = bins.bin(expected[c]);
        }
        return new Forecast(history.lastDay().plusDays(1), version, expected, bin, probability,
                flags(grid, probability, spec.populationSize()));
    }

    /** The most probable cells of the study area, as many as the rule takes of the population the model ranks. */
    static boolean[] flags(Grid grid, double[] probability, int populationSize) {
        HotspotRule rule = grid.spec().hotspot();
        boolean[] flags = new boolean[probability.length];
        if (rule.minCount() != null) {
            for (int c = 0; c < flags.length; c++) {
                flags[c] = grid.inStudyArea(c) && probability[c] >= 0.5;
            }
            return flags;
        }
        int budget = rule.topCount(populationSize);
        int flagged = 0;
        for (int c : HotspotRule.rankDescending(probability)) {
            if (flagged == budget) {
                break;
            }
            if (grid.inStudyArea(c)) {
                flags[c] = true;
                flagged++;
            }
        }
        return flags;
    }
}
