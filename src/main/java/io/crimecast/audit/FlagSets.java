package io.crimecast.audit;

import java.util.Arrays;

/** Overlap of two days' flagged cells. */
final class FlagSets {
    private FlagSets() {
    }

    /** |a ∩ b| / |a ∪ b|; two empty sets are the same set (1). */
    static double jaccard(int[] a, int[] b) {
        int[] x = a.clone();
        int[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int common = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = x.length + y.length - common;
        return union == 0 ? 1 : (double) common / union;
    }
}
