package io.crimecast.model;

import io.crimecast.grid.Grid;

/** Forecasts the day after a history of closed days, for every cell. Baselines and networks share it. */
public interface Forecaster {
    /** What produced the forecast, carried on every forecast record. */
    String version();

    /** How many closed days of history it reads (it copes with fewer). */
    int historyDays();

    Forecast forecast(Grid grid, DayHistory history);
}
