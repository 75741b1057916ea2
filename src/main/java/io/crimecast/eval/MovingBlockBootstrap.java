package io.crimecast.eval;

import java.util.Arrays;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * A percentile interval for a statistic of a daily series by the moving-block bootstrap: each resample strings
 * together blocks of consecutive days (start drawn uniformly) until it is as long as the series. Blocks keep the
 * week-long correlation of daily errors that resampling single days would pretend away. Seeded: the same series
 * gives the same interval.
 */
public record MovingBlockBootstrap(int blockDays, int resamples, long seed) {
    public static final MovingBlockBootstrap WEEKLY = new MovingBlockBootstrap(7, 1000, 42);

    /** The statistic on the series as it is and its central 95% interval. */
    public record Interval(double mean, double low, double high) {
    }

    public MovingBlockBootstrap {
        if (blockDays < 1 || resamples < 1) {
            throw new IllegalArgumentException("blockDays and resamples must be positive");
        }
    }

    /** The same blocks over a series of {@code stepDays}-day steps: a week is 7 daily steps, or one 30-day step. */
    public MovingBlockBootstrap forStepsOf(int stepDays) {
        if (stepDays < 1) {
            throw new IllegalArgumentException("stepDays must be positive, was " + stepDays);
        }
        return new MovingBlockBootstrap(Math.max(1, (blockDays + stepDays - 1) / stepDays), resamples, seed);
    }

    public Interval meanInterval(double[] series) {
        return interval(series.length, times -> {
            double sum = 0;
            for (int d = 0; d < series.length; d++) {
                sum += times[d] * series[d];
            }
            return sum / series.length;
        });
    }

    /**
     * For a statistic that is not a mean (a pooled AUC): {@code statistic} gets how many times each of the
     * {@code days} was drawn (all ones for the series itself). Resamples where it is undefined (NaN) are left out.
     */
    public Interval interval(int days, ToDoubleFunction<int[]> statistic) {
        if (days == 0) {
            throw new IllegalArgumentException("no days to resample");
        }
        int block = Math.min(blockDays, days);
        Random random = new Random(seed);
        double[] values = new double[resamples];
        int kept = 0;
        for (int r = 0; r < resamples; r++) {
            int[] times = new int[days];
            for (int taken = 0; taken < days; ) {
                int start = random.nextInt(days - block + 1);
                for (int i = 0; i < block && taken < days; i++, taken++) {
                    times[start + i]++;
                }
            }
            double value = statistic.applyAsDouble(times);
            if (!Double.isNaN(value)) {
                values[kept++] = value;
            }
        }
        if (kept == 0) {
            throw new IllegalArgumentException("the statistic is undefined on every resample");
        }
        double[] sorted = Arrays.copyOf(values, kept);
        Arrays.sort(sorted);
        int[] once = new int[days];
        Arrays.fill(once, 1);
        return new Interval(statistic.applyAsDouble(once), percentile(sorted, 0.025), percentile(sorted, 0.975));
    }

    /** Linear interpolation between the order statistics around {@code q}. */
    private static double percentile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }
}
