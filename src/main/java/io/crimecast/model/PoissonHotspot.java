package io.crimecast.model;

import io.crimecast.grid.HotspotRule;

import java.util.Arrays;

/**
 * Hotspot probability from an expected count: P(N >= threshold) for N ~ Poisson(expected). The threshold is the
 * rule's minCount, or for a top-k% rule the count the k-th busiest cell reached on the median day of the history
 * (so a forecast of 30 in a region where hotspots need 45 gets a low probability). Chosen over the share-of-days
 * approach because it follows the network's forecast rather than only the past.
 */
public final class PoissonHotspot {
    private PoissonHotspot() {
    }

    public static double[] probability(double[] expected, HotspotRule rule, int[][] history) {
        int threshold = threshold(rule, history, expected);
        double[] p = new double[expected.length];
        for (int c = 0; c < expected.length; c++) {
            p[c] = tailAtLeast(threshold, expected[c]);
        }
        return p;
    }

    /** The count a cell needs to be a hotspot, at least 1. */
    static int threshold(HotspotRule rule, int[][] history, double[] expected) {
        if (rule.minCount() != null) {
            return rule.minCount();
        }
        int k = rule.topCount(expected.length);
        if (history.length == 0) {
            return Math.max(1, (int) Math.ceil(kthLargest(expected, k)));
        }
        double[] perDay = Arrays.stream(history)
                .mapToDouble(day -> kthLargest(Arrays.stream(day).asDoubleStream().toArray(), k))
                .sorted().toArray();
        return Math.max(1, (int) Math.round(perDay[perDay.length / 2]));
    }

    private static double kthLargest(double[] values, int k) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, sorted.length - k)];
    }

    /** P(N >= k) for N ~ Poisson(lambda). */
    static double tailAtLeast(int k, double lambda) {
        if (k <= 0) {
            return 1;
        }
        if (lambda <= 0) {
            return 0;
        }
        double term = Math.exp(-lambda);
        double below = term;
        for (int i = 1; i < k; i++) {
            term *= lambda / i;
            below += term;
        }
        return Math.min(1, Math.max(0, 1 - below));
    }
}
