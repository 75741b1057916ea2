package io.crimecast.train;

import io.crimecast.grid.Grid;
import io.crimecast.grid.HotspotRule;
import io.crimecast.model.SpatioFeatures;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Spatio-LSTM samples: one per population cell and target step, its inputs ({@link SpatioFeatures}) over the
 * {@code steps} steps before the target (the levels over up to {@code contextSteps}), labelled 1 when the rule makes
 * it a hotspot in the target step. Rows are stored flat (sequence [n, 9, steps], fixed inputs [n, fixedWidth]) so
 * minibatches are plain copies.
 */
public record HotspotDataSet(int steps, int fixedWidth, float[] sequence, float[] fixed, float[] label) {

    public int size() {
        return label.length;
    }

    public int positives() {
        int p = 0;
        for (float l : label) {
            p += l > 0 ? 1 : 0;
        }
        return p;
    }

    /**
     * Samples for the target steps {@code [fromTarget, toTargetExclusive)}; each needs {@code steps} steps before it.
     * With a longer context, a target's levels average the up to {@code contextSteps} steps before it that the data
     * has (early targets have fewer), as serving does for a region with a short history.
     */
    public static HotspotDataSet build(Grid grid, int[][] stepCounts, HotspotPopulation population, HotspotRule rule,
                                       int steps, int contextSteps, int fromTarget, int toTargetExclusive) {
        if (fromTarget < steps || toTargetExclusive > stepCounts.length || fromTarget >= toTargetExclusive) {
            throw new IllegalArgumentException("target steps [%d, %d) need %d earlier steps within %d steps"
                    .formatted(fromTarget, toTargetExclusive, steps, stepCounts.length));
        }
        boolean withLevels = contextSteps > steps;
        int width = SpatioFeatures.fixedInputs(withLevels);
        float[][] relative = SpatioFeatures.relative(stepCounts, population.size());
        int n = (toTargetExclusive - fromTarget) * population.size();
        float[] sequence = new float[n * SpatioFeatures.NEIGHBOURS * steps];
        float[] fixed = new float[n * width];
        float[] label = new float[n];
        int row = 0;
        for (int t = fromTarget; t < toTargetExclusive; t++) {
            boolean[] hot = population.hotspots(rule, stepCounts[t]);
            float[] level = withLevels ? SpatioFeatures.level(relative, Math.max(0, t - contextSteps), t) : null;
            for (int i = 0; i < population.size(); i++, row++) {
                SpatioFeatures.write(grid, relative, t - steps, steps, level, population.cells()[i], sequence, fixed, row);
                label[row] = hot[i] ? 1 : 0;
            }
        }
        return new HotspotDataSet(steps, width, sequence, fixed, label);
    }

    /**
     * Rows {@code order[from..to)} as a minibatch. The label mask carries per-example loss weights (DL4J multiplies
     * each example's loss by it): {@code positiveWeight} for hotspots, 1 otherwise.
     */
    public MultiDataSet batch(int[] order, int from, int to, double positiveWeight) {
        int n = to - from;
        int seqWidth = SpatioFeatures.NEIGHBOURS * steps;
        float[] seq = new float[n * seqWidth];
        float[] fix = new float[n * fixedWidth];
        float[] lab = new float[n];
        float[] weight = new float[n];
        for (int i = 0; i < n; i++) {
            int r = order[from + i];
            System.arraycopy(sequence, r * seqWidth, seq, i * seqWidth, seqWidth);
            System.arraycopy(fixed, r * fixedWidth, fix, i * fixedWidth, fixedWidth);
            lab[i] = label[r];
            weight[i] = label[r] > 0 ? (float) positiveWeight : 1f;
        }
        INDArray[] features = {
                Nd4j.create(seq, new long[]{n, SpatioFeatures.NEIGHBOURS, steps}, 'c'),
                Nd4j.create(fix, new long[]{n, fixedWidth}, 'c')};
        return new org.nd4j.linalg.dataset.MultiDataSet(features, new INDArray[]{Nd4j.create(lab, new long[]{n, 1}, 'c')},
                null, new INDArray[]{Nd4j.create(weight, new long[]{n, 1}, 'c')});
    }
}
