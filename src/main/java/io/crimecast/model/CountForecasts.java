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
}
