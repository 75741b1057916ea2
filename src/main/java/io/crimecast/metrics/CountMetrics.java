package io.crimecast.metrics;


import java.util.stream.IntStream;

/** Squared and absolute errors over cells x days. */
public record CountMetrics(double mse, double rmse, double mae) {

    /** Over all cells x days. */
    public static CountMetrics of(int[][] truth, double[][] predicted) {
        return truth.length == 0 ? of(truth, predicted, new int[0]) : of(truth, predicted, IntStream.range(0, truth[0].length).toArray());
    }

    /** Over the given cells x all days. */
    public static CountMetrics of(int[][] truth, double[][] predicted, int[] cells) {
        double squared = 0;
        double absolute = 0;
        long n = 0;
        for (int d = 0; d < truth.length; d++) {
            for (int c : cells) {
                double e = predicted[d][c] - truth[d][c];
                squared += e * e;
                absolute += Math.abs(e);
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no values to compare");
        }
        return new CountMetrics(squared / n, Math.sqrt(squared / n), absolute / n);
    }

    /** Each day's squared error averaged over its cells: the series the paired bootstrap resamples. */
    public static double[] dailyMse(int[][] truth, double[][] predicted) {
        double[] out = new double[truth.length];
        for (int d = 0; d < truth.length; d++) {
            out[d] = of(new int[][]{truth[d]}, new double[][]{predicted[d]}).mse();
        }
        return out;
    }

    /** Paper 000's binned errors: true and predicted counts both mapped to bin indices, then compared. */
    public static CountMetrics binned(int[][] truth, double[][] predicted, EqualWidthBins bins) {
        int[][] trueBins = new int[truth.length][];
        double[][] predictedBins = new double[truth.length][];
        for (int d = 0; d < truth.length; d++) {
            trueBins[d] = new int[truth[d].length];
            predictedBins[d] = new double[truth[d].length];
            for (int c = 0; c < truth[d].length; c++) {
                trueBins[d][c] = bins.bin(truth[d][c]);
                predictedBins[d][c] = bins.bin(predicted[d][c]);
            }
        }
        return of(trueBins, predictedBins);
    }
}
