package io.crimecast.model;

import java.time.LocalDate;

/**
 * The input a count network reads for one target day: the {@code window} days before it, each cell normalised by
 * its level (mean of the {@link #LEVEL_DAYS} days before the target), plus the weekday of every step one-hot.
 * Layout is [features][time] for one sample, features = cells + 7; training and serving both use this class.
 */
public record CountFeatures(int window, Normalisation normalisation) {
    public static final int LEVEL_DAYS = 28;
    private static final int WEEKDAYS = 7;

    public CountFeatures {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
    }

    /** Closed days needed before the target day. */
    public int historyDays() {
        return Math.max(window, LEVEL_DAYS);
    }

    public int featureCount(int cells) {
        return cells + WEEKDAYS;
    }

    /** Each cell's mean over the {@link #LEVEL_DAYS} days before {@code target} (needs {@code target >= LEVEL_DAYS}). */
    public static double[] level(int[][] days, int target) {
        int cells = days[target - 1].length;
        double[] level = new double[cells];
        for (int d = target - LEVEL_DAYS; d < target; d++) {
            for (int c = 0; c < cells; c++) {
                level[c] += days[d][c];
            }
        }
        for (int c = 0; c < cells; c++) {
            level[c] /= LEVEL_DAYS;
        }
        return level;
    }

    /** Writes the sample for day index {@code target} of {@code days}, whose date is {@code targetDate}, into {@code out[f][t]}. */
    public void encode(int[][] days, int target, LocalDate targetDate, double[] level, float[][] out) {
        int cells = level.length;
        for (int t = 0; t < window; t++) {
            int day = target - window + t;
            for (int c = 0; c < cells; c++) {
                out[c][t] = (float) normalisation.encode(days[day][c], level[c]);
            }
            int weekday = targetDate.minusDays(window - t).getDayOfWeek().getValue() - 1;
            for (int w = 0; w < WEEKDAYS; w++) {
                out[cells + w][t] = w == weekday ? 1f : 0f;
            }
        }
    }

    /** Turns a network's normalised outputs back into expected counts, never below zero. */
    public double[] decode(float[] outputs, double[] level) {
        double[] expected = new double[level.length];
        for (int c = 0; c < level.length; c++) {
            expected[c] = Math.max(0, normalisation.decode(outputs[c], level[c]));
        }
        return expected;
    }
}
