package io.crimecast.train;

import io.crimecast.model.CountBaseline;
import io.crimecast.model.CountFeatures;
import io.crimecast.metrics.EqualWidthBins;
import io.crimecast.model.CountNetwork;
import io.crimecast.model.NetworkForecaster;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Samples of a count matrix: for each target day index, the window before it (inputs), its level-normalised
 * counts (labels) and the raw counts. All samples share the whole matrix, so windows may reach into earlier parts.
 */
public record CountDataset(CountMatrix matrix, CountFeatures features, int[] targets) {

    /** The same target days seen through other features (another window). */
    public CountDataset withFeatures(CountFeatures other) {
        return new CountDataset(matrix, other, targets);
    }

    public int size() {
        return targets.length;
    }

    public LocalDate firstTargetDate() {
        return matrix.date(targets[0]);
    }

    public LocalDate lastTargetDate() {
        return matrix.date(targets[targets.length - 1]);
    }

    /** Inputs [n][features][window] for the given sample positions. */
    public INDArray inputs(int[] samples) {
        int[][] days = matrix.counts();
        float[][][] x = new float[samples.length][features.featureCount(matrix.cells())][features.window()];
        for (int i = 0; i < samples.length; i++) {
            int t = targets[samples[i]];
            features.encode(days, t, matrix.date(t), CountFeatures.level(days, t), x[i]);
        }
        return Nd4j.create(x);
    }

    /** Normalised labels [n][cells] for the given sample positions. */
    public INDArray labels(int[] samples) {
        int[][] days = matrix.counts();
        float[][] y = new float[samples.length][matrix.cells()];
        for (int i = 0; i < samples.length; i++) {
            int t = targets[samples[i]];
            double[] level = CountFeatures.level(days, t);
            for (int c = 0; c < level.length; c++) {
                y[i][c] = (float) features.normalisation().encode(days[t][c], level[c]);
            }
        }
        return Nd4j.create(y);
    }

    public int[] all() {
        return IntStream.range(0, targets.length).toArray();
    }

    /** The true counts of every target day. */
    public int[][] actual() {
        int[][] out = new int[targets.length][];
        for (int i = 0; i < targets.length; i++) {
            out[i] = matrix.counts()[targets[i]];
        }
        return out;
    }

    /** The true counts as bin indices (the binned variant of the data set). */
    public int[][] binnedActual(EqualWidthBins bins) {
        int[][] actual = actual();
        int[][] out = new int[actual.length][];
        for (int i = 0; i < actual.length; i++) {
            out[i] = Arrays.stream(actual[i]).map(bins::bin).toArray();
        }
        return out;
    }

    /** A baseline's forecasts for every target day. */
    public double[][] baseline(CountBaseline baseline) {
        double[][] out = new double[targets.length][];
        for (int i = 0; i < targets.length; i++) {
            out[i] = baseline.predict(matrix.counts(), targets[i]);
        }
        return out;
    }

    /** A network's expected counts for every target day. */
    public double[][] predict(CountNetwork network) {
        return NetworkForecaster.expectedCounts(network, features, matrix.counts(), matrix.firstDay(), targets);
    }

    /** A trained network's expected counts for every target day, through the features it was trained with. */
    public double[][] predict(TrainedNetwork trained) {
        return withFeatures(trained.features()).predict(trained.network());
    }

    /** Every day up to the last target: what bins may be fitted on when this is the training part. */
    public int[][] daysThroughLastTarget() {
        return Arrays.copyOf(matrix.counts(), targets[targets.length - 1] + 1);
    }
}
