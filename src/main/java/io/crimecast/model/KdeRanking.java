package io.crimecast.model;

import io.crimecast.grid.Grid;

/**
 * Kernel-density hotspot baseline: the counts of the last {@code steps} steps spread over the grid by a Gaussian
 * kernel between cell centres with a standard deviation of {@code bandwidthCells} cells. The kernel is normalised,
 * so the smoothed per-step mean doubles as an expected count (mass that would fall off the grid is lost).
 */
public record KdeRanking(int steps, double bandwidthCells) implements HotspotScorer {
    public KdeRanking {
        if (steps < 1 || !(bandwidthCells > 0)) {
            throw new IllegalArgumentException("steps must be at least 1 and bandwidthCells positive, were " + steps + " and " + bandwidthCells);
        }
    }

    @Override
    public String name() {
        return "kde-" + steps + "-bw" + bandwidthCells;
    }

    @Override
    public HotspotScores score(Grid grid, int[][] window) {
        double[] smoothed = smooth(HotspotScorer.trailingMean(window), grid.rows(), grid.cols(), bandwidthCells);
        return new HotspotScores(smoothed, smoothed);
    }

    /** Gaussian smoothing of a row-major grid; separable, so rows then columns, truncated at 3 bandwidths. */
    static double[] smooth(double[] values, int rows, int cols, double bandwidth) {
        double[] kernel = kernel(bandwidth);
        return spread(spread(values, rows, cols, kernel, true), rows, cols, kernel, false);
    }

    /** One pass of the kernel along rows ({@code alongRow}: to neighbouring columns) or along columns. */
    private static double[] spread(double[] values, int rows, int cols, double[] kernel, boolean alongRow) {
        int radius = kernel.length / 2;
        double[] out = new double[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = values[r * cols + c];
                if (v == 0) {
                    continue;
                }
                for (int k = -radius; k <= radius; k++) {
                    int rr = alongRow ? r : r + k;
                    int cc = alongRow ? c + k : c;
                    if (rr >= 0 && rr < rows && cc >= 0 && cc < cols) {
                        out[rr * cols + cc] += v * kernel[k + radius];
                    }
                }
            }
        }
        return out;
    }

    private static double[] kernel(double bandwidth) {
        int radius = (int) Math.ceil(3 * bandwidth);
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-0.5 * i * i / (bandwidth * bandwidth));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }
}
