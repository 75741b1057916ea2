package io.crimecast.metrics;

import java.util.Arrays;

/**
 * Equal-width binning of counts into N bins between a fitted minimum and maximum (paper 000's preprocessing).
 * Values beyond the fitted range fall in the first or last bin.
 */
public record EqualWidthBins(double min, double max, int bins) {
    public EqualWidthBins {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, was " + bins);
        }
        if (!(max >= min)) {
            throw new IllegalArgumentException("max (" + max + ") must be at least min (" + min + ")");
        }
    }

    /** Fits the range on the given (training) values only. */
    public static EqualWidthBins fit(int[][] values, int bins) {
        int min = Arrays.stream(values).flatMapToInt(Arrays::stream).min().orElse(0);
        int max = Arrays.stream(values).flatMapToInt(Arrays::stream).max().orElse(0);
        return new EqualWidthBins(min, max, bins);
    }

    public int bin(double value) {
        if (max == min) {
            return 0;
        }
        int b = (int) Math.floor((value - min) / (max - min) * bins);
        return Math.min(Math.max(b, 0), bins - 1);
    }

    public double[] edges() {
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = min + (max - min) * i / bins;
        }
        return edges;
    }
}
