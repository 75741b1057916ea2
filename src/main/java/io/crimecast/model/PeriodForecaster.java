package io.crimecast.model;

import io.crimecast.grid.Grid;

import java.util.List;

/**
 * Forecasts the longer periods (a week to a quarter) that start the day after a history of closed days, for every
 * cell: the trailing year's rate by default, the per-cell network once one is served.
 */
public interface PeriodForecaster {
    /** What produced the forecasts, carried on every forecast record. */
    String version();

    /** How many closed days it reads (it copes with fewer); days before them it may read as {@link DayHistory#before()}. */
    int historyDays();

    /** One forecast per horizon, in the order given; {@code expected} is each cell's count over the whole period. */
    List<Forecast> forecast(Grid grid, DayHistory history, List<Integer> horizonDays);
}
