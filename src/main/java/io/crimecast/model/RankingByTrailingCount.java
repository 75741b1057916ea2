package io.crimecast.model;

import io.crimecast.grid.Grid;

/** The naive hotspot baseline: rank cells by their count over the last {@code steps} steps. */
public record RankingByTrailingCount(int steps) implements HotspotScorer {
    public RankingByTrailingCount {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, was " + steps);
        }
    }

    @Override
    public String name() {
        return "trailing-count-" + steps;
    }

    @Override
    public HotspotScores score(Grid grid, int[][] window) {
        double[] mean = HotspotScorer.trailingMean(window);
        double[] total = new double[mean.length];
        for (int c = 0; c < mean.length; c++) {
            total[c] = mean[c] * window.length;
        }
        return new HotspotScores(total, mean);
    }
}
