package io.crimecast.metrics;


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
        // A plain loop: every day close fits on 28 days x every cell, and two flat-mapped streams over a million
        // counts were a quarter of a 600 ft close's time (JFR).
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int[] row : values) {
            for (int v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return min > max ? new EqualWidthBins(0, 0, bins) : new EqualWidthBins(min, max, bins);
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
