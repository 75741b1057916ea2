package io.crimecast.train;

/**
 * How hotspot models are built and compared.
 *
 * @param stepDays        days per step (30 = the paper's months, 1 = daily hotspots)
 * @param steps           steps of history per sample (the paper: 6)
 * @param contextSteps    steps the cells' long-run levels average over, an input beside the sequence; equal to
 *                        {@code steps}: no levels (the paper's network)
 * @param seed            shuffling and weight initialisation
 * @param maxEpochs       upper bound; training stops earlier when the validation loss stalls
 * @param patience        epochs without a better validation loss before stopping
 * @param positiveWeight  loss weight of a hotspot example (hotspots are about 5% of samples). Default 1: the
 *                        metrics rank cells, and a ranking does not need the calibration shift weighting buys; on
 *                        Portland at 600 ft a weight of 4 made the validation loss noisier and the AUC no better
 * @param validationShare share of the training target steps, the latest ones, held out for early stopping
 * @param kdeBandwidthCells Gaussian kernel standard deviation of the KDE baseline, in cells
 * @param activeCellsOnly hotspot rule over the cells with an incident in the training period (the NIJ/paper
 *                        protocol); false: over every grid cell, which at small cells is mostly empty land
 */
public record HotspotSettings(int stepDays, int steps, int contextSteps, long seed, int maxEpochs, int patience, int batchSize,
                              int lstmUnits, double learningRate, double positiveWeight, double validationShare,
                              double kdeBandwidthCells, boolean activeCellsOnly) {
    public static final int DEFAULT_MAX_EPOCHS = 30;

    public HotspotSettings {
        if (stepDays < 1 || steps < 1 || maxEpochs < 1 || patience < 1 || batchSize < 1 || lstmUnits < 1) {
            throw new IllegalArgumentException("stepDays, steps, maxEpochs, patience, batchSize and lstmUnits must be at least 1");
        }
        if (contextSteps < steps) {
            throw new IllegalArgumentException("contextSteps (" + contextSteps + ") cannot be fewer than steps (" + steps + ")");
        }
        if (!(validationShare > 0 && validationShare < 1) || !(positiveWeight > 0) || !(kdeBandwidthCells > 0) || !(learningRate > 0)) {
            throw new IllegalArgumentException("validationShare must be in (0, 1); positiveWeight, kdeBandwidthCells and learningRate positive");
        }
    }

    /**
     * The paper's protocol, 30-day steps, 6 of them, with the cells' levels over 24 steps: chosen on Portland at
     * 600 ft on the validation year from March 2015 (AUC 0.9224 without levels, 0.9296 / 0.9316 / 0.9315 with 12 / 24
     * / 36 steps; 12 steps of sequence instead 0.9297); the README's tables test it on the year after.
     */
    public static HotspotSettings monthly() {
        return new HotspotSettings(30, 6, 24, 42, DEFAULT_MAX_EPOCHS, 4, 512, 32, 2e-3, 1, 0.15, 1, true);
    }

    /** Daily hotspots: 1-day steps, four weeks of history. */
    public static HotspotSettings daily() {
        return new HotspotSettings(1, 28, 28, 42, DEFAULT_MAX_EPOCHS, 4, 512, 32, 2e-3, 1, 0.15, 1, true);
    }

    public HotspotSettings withMaxEpochs(int epochs) {
        return new HotspotSettings(stepDays, steps, contextSteps, seed, epochs, patience, batchSize, lstmUnits, learningRate,
                positiveWeight, validationShare, kdeBandwidthCells, activeCellsOnly);
    }

    public HotspotSettings withContextSteps(int context) {
        return new HotspotSettings(stepDays, steps, context, seed, maxEpochs, patience, batchSize, lstmUnits, learningRate,
                positiveWeight, validationShare, kdeBandwidthCells, activeCellsOnly);
    }
}
