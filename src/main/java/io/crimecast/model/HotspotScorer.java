package io.crimecast.model;

import io.crimecast.grid.Grid;

/** Ranks a region's cells for the next step from the counts of the preceding steps. */
public interface HotspotScorer {
    String name();

    /** How many preceding steps {@link #score} reads. */
    int steps();

    /** @param window {@code window[s][cell]}, the last {@link #steps()} steps before the forecast, oldest first */
    HotspotScores score(Grid grid, int[][] window);

    /** The per-step mean of the window: the expected count the baselines and the Spatio-LSTM report. */
    static double[] trailingMean(int[][] window) {
        double[] mean = new double[window[0].length];
        for (int[] step : window) {
            for (int c = 0; c < mean.length; c++) {
                mean[c] += (double) step[c] / window.length;
            }
        }
        return mean;
    }
}
