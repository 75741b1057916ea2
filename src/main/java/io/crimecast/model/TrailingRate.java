package io.crimecast.model;

import io.crimecast.grid.Grid;

import java.util.List;

/**
 * The naive map the field measures itself against for periods of a week to a quarter: each cell's mean daily count
 * over the last {@code lookbackDays} (all days given when fewer), times the period's length. At 600 ft, the NIJ
 * challenge's cells, long lookbacks rank better than the last month (sparse counts need many days to settle).
 */
public record TrailingRate(int lookbackDays) implements PeriodForecaster {
    /** What the stream forecasts the longer horizons with until a per-cell network is served: at fine grids a year ranks better than the last month. */
    public static final TrailingRate YEAR = new TrailingRate(365);

    public TrailingRate {
        if (lookbackDays < 1) {
            throw new IllegalArgumentException("lookbackDays must be positive, was " + lookbackDays);
        }
    }

    /** Expected counts per cell over the {@code horizonDays} after the last of {@code days} ({@code days[d][cell]}, oldest first). */
    public double[] expected(int[][] days, int cells, int horizonDays) {
        double[] sum = new double[cells];
        int used = Math.min(lookbackDays, days.length);
        for (int d = days.length - used; d < days.length; d++) {
            for (int c = 0; c < cells; c++) {
                sum[c] += days[d][c];
            }
        }
        for (int c = 0; c < cells; c++) {
            sum[c] = used == 0 ? 0 : sum[c] * horizonDays / used;
        }
        return sum;
    }

    /** Each period's forecast, as {@link CountForecasts#period} makes it. */
    @Override
    public List<Forecast> forecast(Grid grid, DayHistory history, List<Integer> horizonDays) {
        return horizonDays.stream().map(h -> CountForecasts.period(grid, history, version(), expected(history.days(), grid.cellCount(), h))).toList();
    }

    @Override
    public int historyDays() {
        return lookbackDays;
    }

    @Override
    public String version() {
        return "trailing-" + lookbackDays + "d";
    }
}
