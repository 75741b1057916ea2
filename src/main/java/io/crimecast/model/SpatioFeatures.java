package io.crimecast.model;

import io.crimecast.grid.Cell;
import io.crimecast.grid.Grid;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Spatio-LSTM's inputs, shared by training and serving so the two cannot drift apart. For a cell: per step,
 * its 9-neighbourhood's counts (off-grid neighbours 0) as {@code log1p(count / mean count of a population cell in
 * that step)}, which removes the city's trend and the step length from the scale; and the cell's location as
 * row and column in [0, 1].
 */
public final class SpatioFeatures {
    public static final int NEIGHBOURS = 9;
    public static final int LOCATION = 2;

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

    /**
     * Writes one cell's inputs over the {@code steps} steps from {@code from} as row {@code row} of a sequence
     * array laid out [n, 9, steps] (DL4J's NCW) and a location array [n, 2].
     */
    public static void write(Grid grid, float[][] relative, int from, int steps, int cell,
                             float[] sequence, float[] location, int row) {
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
        Cell c = grid.cell(cell);
        location[row * LOCATION] = (float) ((c.row() + 0.5) / grid.rows());
        location[row * LOCATION + 1] = (float) ((c.col() + 0.5) / grid.cols());
    }

    /** The network inputs {sequence, location} for {@code cells} over the steps from {@code from}. */
    public static INDArray[] inputs(Grid grid, float[][] relative, int from, int steps, int[] cells) {
        float[] sequence = new float[cells.length * NEIGHBOURS * steps];
        float[] location = new float[cells.length * LOCATION];
        for (int i = 0; i < cells.length; i++) {
            write(grid, relative, from, steps, cells[i], sequence, location, i);
        }
        return new INDArray[]{
                Nd4j.create(sequence, new long[]{cells.length, NEIGHBOURS, steps}, 'c'),
                Nd4j.create(location, new long[]{cells.length, LOCATION}, 'c')};
    }
}
