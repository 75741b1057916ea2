package io.crimecast.model;

import io.crimecast.grid.Grid;

/** The forecaster to use for a region right now; the model store swaps networks in behind it. */
@FunctionalInterface
public interface ForecasterSource {
    Forecaster current(Grid grid);
}
