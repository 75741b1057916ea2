package io.crimecast.model;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Layer;

/** The forecaster to use for a region right now; the model store swaps networks in behind it. */
@FunctionalInterface
public interface ForecasterSource {
    /** The forecaster of the next day's counts for a region's layer. */
    Forecaster current(Grid grid, Layer layer);

    /** The forecaster of a region's layer's longer periods: the trailing year's rate unless a per-cell network is served. */
    default PeriodForecaster periods(Grid grid, Layer layer) {
        return TrailingRate.YEAR;
    }
}
