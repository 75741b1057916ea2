package io.crimecast.model;

import io.crimecast.grid.Grid;

/**
 * Expected counts and bins from a count forecaster, hotspot probabilities and flags from a hotspot classifier:
 * how a region is served when it has both kinds of model.
 */
public record CombinedForecaster(Forecaster counts, Forecaster hotspots) implements Forecaster {
    @Override
    public String version() {
        return counts.version() + "+" + hotspots.version();
    }

    @Override
    public int historyDays() {
        return Math.max(counts.historyDays(), hotspots.historyDays());
    }

    @Override
    public Forecast forecast(Grid grid, DayHistory history) {
        Forecast c = counts.forecast(grid, history);
        Forecast h = hotspots.forecast(grid, history);
        return new Forecast(c.date(), version(), c.expected(), c.bin(), h.hotspotProbability(), h.hotspot());
    }
}
