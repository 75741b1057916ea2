package io.crimecast.eval;

import io.crimecast.grid.HotspotRule;

/** How well a ranking of cells finds hotspots and incidents. Arrays are aligned by cell. */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /**
     * ROC AUC by the Mann-Whitney U statistic with mid-ranks: the chance that a random hotspot scores above a
     * random other cell, ties counting one half. NaN when either class is empty.
     */
    public static double auc(double[] score, boolean[] positive) {
        return new WeightedAuc(score, positive, new int[score.length]).auc(new int[]{1});
    }

    /** Cells flagged when a share {@code area} of {@code cells} is patrolled: rounded up, at least one. */
    public static int flaggedCells(double area, int cells) {
        return Math.max(1, (int) Math.ceil(area * cells - 1e-9));
    }

    /** Incidents inside the {@code flagged} cells ranked highest (ties to the lower index, as the hotspot rule). */
    public static double captured(double[] score, double[] actual, int flagged) {
        int[] order = HotspotRule.rankDescending(score);
        double sum = 0;
        for (int i = 0; i < Math.min(flagged, order.length); i++) {
            sum += actual[order[i]];
        }
        return sum;
    }

    /** The most incidents any choice of {@code flagged} cells could hold: the PEI's denominator. */
    public static double bestCaptured(double[] actual, int flagged) {
        return captured(actual, actual, flagged);
    }
}
