package io.crimecast.model;

import io.crimecast.metrics.EqualWidthBins;
import io.crimecast.grid.Grid;
import io.crimecast.grid.HotspotRule;

/** Builds the full {@link Forecast} from expected counts, the same way for baselines and networks. */
public final class CountForecasts {
    private CountForecasts() {
    }

    public static Forecast of(Grid grid, DayHistory history, String version, double[] expected, EqualWidthBins bins) {
        HotspotRule rule = grid.spec().hotspot();
        int[] bin = new int[expected.length];
        for (int c = 0; c < expected.length; c++) {
            bin[c] = bins.bin(expected[c]);
        }
        return new Forecast(history.lastDay().plusDays(1), version, expected, bin,
                PoissonHotspot.probability(expected, rule, history.days()), grid.flagHotspots(expected));
    }

    /**
     * A period's forecast: expected counts over the period, the region's hotspot rule applied to them, and as
     * probability the Poisson chance of at least one incident in the period (a daily model's calibrated probability
     * has no counterpart here). Bins are for daily counts and stay 0.
     */
    public static Forecast period(Grid grid, DayHistory history, String version, double[] expected) {
        double[] atLeastOne = new double[expected.length];
        for (int c = 0; c < expected.length; c++) {
            atLeastOne[c] = 1 - Math.exp(-expected[c]);
        }
        return new Forecast(history.lastDay().plusDays(1), version, expected, new int[expected.length], atLeastOne, grid.flagHotspots(expected));
    }
}
