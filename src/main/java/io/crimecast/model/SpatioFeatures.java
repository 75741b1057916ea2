package io.crimecast.model;

import io.crimecast.grid.Cell;
import io.crimecast.grid.Grid;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Spatio-LSTM's inputs, shared by training and serving so the two cannot drift apart. For a cell: per step,
 * its 9-neighbourhood's counts (off-grid neighbours 0) as {@code log1p(count / mean count of a population cell in
 * that step)}, which removes the city's trend and the step length from the scale; and, fixed over the sequence, the
 * cell's location as row and column in [0, 1] and, when the model reads a context longer than its sequence, the
 * cell's and its 9-neighbourhood's mean of those values over the whole context (their long-run level).
 */
public final class SpatioFeatures {
    public static final int NEIGHBOURS = 9;
    public static final int LOCATION = 2;
    public static final int LEVELS = 2;

    private SpatioFeatures() {
    }

    /** {@code log1p(count * populationSize / step total)} per step and cell; a step without incidents is zero. */
    public static float[][] relative(int[][] steps, int populationSize) {
        float[][] out = new float[steps.length][];
        for (int s = 0; s < steps.length; s++) {
            long total = 0;
            for (int v : steps[s]) {
                total += v;
            }
            double perCount = total == 0 ? 0 : (double) populationSize / total;
            out[s] = new float[steps[s].length];
            for (int c = 0; c < out[s].length; c++) {
                out[s][c] = (float) Math.log1p(steps[s][c] * perCount);
            }
        }
        return out;
    }

    /** The fixed inputs per cell: its location, and its levels when there are any. */
    public static int fixedInputs(boolean withLevels) {
        return LOCATION + (withLevels ? LEVELS : 0);
    }

    /** Each cell's mean of {@code relative} over the steps {@code [from, to)}: its level over that context. */
    public static float[] level(float[][] relative, int from, int to) {
        float[] level = new float[relative[from].length];
        for (int s = from; s < to; s++) {
            for (int c = 0; c < level.length; c++) {
                level[c] += relative[s][c];
            }
        }
        for (int c = 0; c < level.length; c++) {
            level[c] /= to - from;
        }
        return level;
    }

    /**
     * Writes one cell's inputs over the {@code steps} steps from {@code from} as row {@code row} of a sequence
     * array laid out [n, 9, steps] (DL4J's NCW) and a fixed-input array [n, {@link #fixedInputs}].
     *
     * @param level each cell's level over the context ({@link #level}), or null for a model without levels
     */
    public static void write(Grid grid, float[][] relative, int from, int steps, float[] level, int cell,
                             float[] sequence, float[] fixed, int row) {
        int[] neighbours = grid.neighbourhood(cell);
        int base = row * NEIGHBOURS * steps;
        for (int n = 0; n < NEIGHBOURS; n++) {
            if (neighbours[n] < 0) {
                continue;
            }
            for (int s = 0; s < steps; s++) {
                sequence[base + n * steps + s] = relative[from + s][neighbours[n]];
            }
        }
        int width = fixedInputs(level != null);
        Cell c = grid.cell(cell);
        fixed[row * width] = (float) ((c.row() + 0.5) / grid.rows());
        fixed[row * width + 1] = (float) ((c.col() + 0.5) / grid.cols());
        if (level != null) {
            float around = 0;
            for (int n : neighbours) {
                around += n < 0 ? 0 : level[n];
            }
            fixed[row * width + 2] = level[cell];
            fixed[row * width + 3] = around / NEIGHBOURS;
        }
    }

    /** The network inputs {sequence, fixed} for {@code cells} over the steps from {@code from}. */
    public static INDArray[] inputs(Grid grid, float[][] relative, int from, int steps, float[] level, int[] cells) {
        int width = fixedInputs(level != null);
        float[] sequence = new float[cells.length * NEIGHBOURS * steps];
        float[] fixed = new float[cells.length * width];
        for (int i = 0; i < cells.length; i++) {
            write(grid, relative, from, steps, level, cells[i], sequence, fixed, i);
        }
        return new INDArray[]{
                Nd4j.create(sequence, new long[]{cells.length, NEIGHBOURS, steps}, 'c'),
                Nd4j.create(fixed, new long[]{cells.length, width}, 'c')};
    }
}
