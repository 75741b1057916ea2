package io.crimecast.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * ROC AUC over cells pooled from several steps, sorted once so that each reweighting of the steps (a bootstrap
 * resample) costs one pass: the weighted chance that a hotspot scores above a non-hotspot, ties counting one half.
 * With every weight one it is the Mann-Whitney U statistic with mid-ranks.
 */
final class WeightedAuc {
    private final double[] score;
    private final boolean[] positive;
    private final int[] step;

    /** {@code step[i]} is the step element i belongs to, the index into the weights of {@link #auc(int[])}. */
    WeightedAuc(double[] score, boolean[] positive, int[] step) {
        Integer[] order = IntStream.range(0, score.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        this.score = new double[score.length];
        this.positive = new boolean[score.length];
        this.step = new int[score.length];
        for (int k = 0; k < order.length; k++) {
            this.score[k] = score[order[k]];
            this.positive[k] = positive[order[k]];
            this.step[k] = step[order[k]];
        }
    }

    /** The AUC with each element counted {@code stepWeight[its step]} times; NaN when either class weighs nothing. */
    double auc(int[] stepWeight) {
        double pairs = 0;
        double negativesBelow = 0;
        double positives = 0;
        for (int i = 0; i < score.length; ) {
            double tiedPositives = 0;
            double tiedNegatives = 0;
            int j = i;
            for (; j < score.length && score[j] == score[i]; j++) {
                if (positive[j]) {
                    tiedPositives += stepWeight[step[j]];
                } else {
                    tiedNegatives += stepWeight[step[j]];
                }
            }
            pairs += tiedPositives * (negativesBelow + tiedNegatives / 2);
            negativesBelow += tiedNegatives;
            positives += tiedPositives;
            i = j;
        }
        if (positives == 0 || negativesBelow == 0) {
            return Double.NaN;
        }
        return pairs / (positives * negativesBelow);
    }
}
