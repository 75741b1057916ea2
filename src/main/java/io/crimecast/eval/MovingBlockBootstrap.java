package io.crimecast.eval;

import java.util.Arrays;
import java.util.Random;

/**
 * A percentile interval for the mean of a daily series by the moving-block bootstrap: each resample strings
 * together blocks of consecutive days (start drawn uniformly) until it is as long as the series. Blocks keep the
 * week-long correlation of daily errors that resampling single days would pretend away. Seeded: the same series
 * gives the same interval.
 */
public record MovingBlockBootstrap(int blockDays, int resamples, long seed) {
    public static final MovingBlockBootstrap WEEKLY = new MovingBlockBootstrap(7, 1000, 42);

    /** The series' mean and its central 95% interval. */
    public record Interval(double mean, double low, double high) {
    }

    public MovingBlockBootstrap {
        if (blockDays < 1 || resamples < 1) {
            throw new IllegalArgumentException("blockDays and resamples must be positive");
        }
    }

    public Interval meanInterval(double[] series) {
        int n = series.length;
        if (n == 0) {
            throw new IllegalArgumentException("no days to resample");
        }
        int block = Math.min(blockDays, n);
        Random random = new Random(seed);
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int taken = 0; taken < n; ) {
                int start = random.nextInt(n - block + 1);
                for (int i = 0; i < block && taken < n; i++, taken++) {
                    sum += series[start + i];
                }
            }
            means[r] = sum / n;
        }
        Arrays.sort(means);
        return new Interval(Arrays.stream(series).average().orElseThrow(), percentile(means, 0.025), percentile(means, 0.975));
    }

    /** Linear interpolation between the order statistics around {@code q}. */
    private static double percentile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }
}
