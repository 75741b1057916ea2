package io.crimecast.model;

import io.crimecast.grid.Grid;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

/**
 * The trained Spatio-LSTM hotspot classifier (paper 002): P(a cell is a hotspot in the next step) from its
 * 9-neighbourhood over the last {@code steps} steps and its location (and, with a longer context, its long-run
 * level: {@link SpatioFeatures}). Scores every cell of the grid.
 */
public final class SpatioLstm implements HotspotScorer {
    /** Inference batch: bounds native memory on grids with tens of thousands of cells. */
    private static final int BATCH = 8192;

    /**
     * What serving needs besides the weights.
     *
     * @param steps          the steps of the sequence the LSTM reads
     * @param contextSteps   the steps the cells' levels average over (at least {@code steps}; equal: no levels)
     * @param populationSize cells the hotspot rule ranked in training (the active cells); it scales the inputs
     *                       and sets how many cells a top-k% rule flags
     */
    public record Spec(int stepDays, int steps, int contextSteps, int populationSize) {
        public Spec {
            if (stepDays < 1 || steps < 1 || populationSize < 1) {
                throw new IllegalArgumentException("stepDays, steps and populationSize must be at least 1: " + stepDays + ", " + steps + ", " + populationSize);
            }
            if (contextSteps < steps) {
                throw new IllegalArgumentException("the context (" + contextSteps + " steps) cannot be shorter than the sequence (" + steps + ")");
            }
        }

        public boolean withLevels() {
            return contextSteps > steps;
        }

        /** What the network reads, e.g. "6 steps of 30 days, levels over 24". */
        public String describe() {
            String sequence = "%d steps of %d day%s".formatted(steps, stepDays, stepDays == 1 ? "" : "s");
            return withLevels() ? sequence + ", levels over " + contextSteps : sequence;
        }
    }

    private final Spec spec;
    private final ComputationGraph graph;

    public SpatioLstm(Spec spec, ComputationGraph graph) {
        this.spec = spec;
        this.graph = graph;
    }

    public Spec spec() {
        return spec;
    }

    @Override
    public String name() {
        return "spatio-lstm";
    }

    /** The whole context: the levels' steps, the sequence the last of them. */
    @Override
    public int steps() {
        return spec.contextSteps();
    }

    @Override
    public HotspotScores score(Grid grid, int[][] window) {
        return new HotspotScores(probabilities(grid, window), HotspotScorer.trailingMean(sequence(window)));
    }

    /**
     * P(hotspot in the next step) for every cell; a graph is not thread-safe, hence synchronized. A window shorter
     * than the context (a region with less history) gives the levels over the steps it has, as in training.
     */
    public synchronized double[] probabilities(Grid grid, int[][] window) {
        if (window.length < spec.steps() || window.length > spec.contextSteps()) {
            throw new IllegalArgumentException("the model reads %d to %d steps, got %d".formatted(spec.steps(), spec.contextSteps(), window.length));
        }
        float[][] relative = SpatioFeatures.relative(window, spec.populationSize());
        float[] level = spec.withLevels() ? SpatioFeatures.level(relative, 0, window.length) : null;
        double[] out = new double[grid.cellCount()];
        for (int from = 0; from < out.length; from += BATCH) {
            int[] cells = IntStream.range(from, Math.min(out.length, from + BATCH)).toArray();
            INDArray p = graph.output(false, SpatioFeatures.inputs(grid, relative, window.length - spec.steps(), spec.steps(), level, cells))[0];
            for (int i = 0; i < cells.length; i++) {
                out[cells[i]] = p.getDouble(i, 0);
            }
        }
        return out;
    }

    /** The last {@code steps} steps of a window: the sequence the LSTM reads, and what the expected count averages. */
    int[][] sequence(int[][] window) {
        return Arrays.copyOfRange(window, window.length - spec.steps(), window.length);
    }

    /** CRC-32 of the parameters: names this exact network, and survives a save and restore (the zip bytes do not). */
    public synchronized long fingerprint() {
        CRC32 crc = new CRC32();
        for (float v : graph.params().toFloatVector()) {
            int bits = Float.floatToIntBits(v);
            crc.update(new byte[]{(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits});
        }
        return crc.getValue();
    }

    /** The network in ModelSerializer's format, without the updater state (serving never resumes training). */
    public synchronized byte[] weights() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(graph, out, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static SpatioLstm restore(Spec spec, byte[] weights) {
        try {
            return new SpatioLstm(spec, ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(weights), false));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Spatio-LSTM weights: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SpatioLstm" + spec + ", " + graph.numParams() + " parameters";
    }
}
