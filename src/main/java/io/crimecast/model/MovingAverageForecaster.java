package io.crimecast.model;

import io.crimecast.metrics.EqualWidthBins;
import io.crimecast.grid.Grid;
import io.crimecast.grid.HotspotRule;

/**
 * The baseline that serves until a trained network exists: each cell's mean over the trailing {@code days}. Its
 * hotspot probability is the share of those days on which the cell was a hotspot by the region's rule; the flags
 * apply the rule to the expected counts. Bins are fitted on the history it saw.
 */
public final class MovingAverageForecaster implements Forecaster {
    public static final int DEFAULT_DAYS = 28;
    public static final int DEFAULT_BINS = 10;

    private final int days;

    public MovingAverageForecaster(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1");
        }
        this.days = days;
    }

    @Override
    public String version() {
        return "baseline-mean" + days;
    }

    @Override
    public int historyDays() {
        return days;
    }

    @Override
    public Forecast forecast(Grid grid, DayHistory history) {
        int cells = grid.cellCount();
        HotspotRule rule = grid.spec().hotspot();
        double[] expected = new double[cells];
        double[] probability = new double[cells];
        int from = Math.max(0, history.length() - days);
        int used = history.length() - from;
        for (int d = from; d < history.length(); d++) {
            int[] day = history.days()[d];
            boolean[] flagged = rule.flag(day);
            for (int c = 0; c < cells; c++) {
                expected[c] += day[c];
                probability[c] += flagged[c] ? 1 : 0;
            }
        }
        for (int c = 0; c < cells && used > 0; c++) {
            expected[c] /= used;
            probability[c] /= used;
        }
        EqualWidthBins bins = EqualWidthBins.fit(history.days(), DEFAULT_BINS);
        int[] bin = new int[cells];
        for (int c = 0; c < cells; c++) {
            bin[c] = bins.bin(expected[c]);
        }
        return new Forecast(history.lastDay().plusDays(1), version(), expected, bin, probability, grid.flagHotspots(expected));
    }
}
