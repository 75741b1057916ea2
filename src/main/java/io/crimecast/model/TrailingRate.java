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
        return overPeriod(sums(days, cells), usedDays(days), horizonDays);
    }

    /** Each period's forecast, as {@link CountForecasts#period} makes it; the lookback is summed once for them all. */
    @Override
    public List<Forecast> forecast(Grid grid, DayHistory history, List<Integer> horizonDays) {
        double[] sums = sums(history.days(), grid.cellCount());
        int used = usedDays(history.days());
        return horizonDays.stream().map(h -> CountForecasts.period(grid, history, version(), overPeriod(sums, used, h))).toList();
    }

    private int usedDays(int[][] days) {
        return Math.min(lookbackDays, days.length);
    }

    /** Each cell's incidents over the lookback. */
    private double[] sums(int[][] days, int cells) {
        double[] sum = new double[cells];
        for (int d = days.length - usedDays(days); d < days.length; d++) {
            for (int c = 0; c < cells; c++) {
                sum[c] += days[d][c];
            }
        }
        return sum;
    }

    private static double[] overPeriod(double[] sums, int used, int horizonDays) {
        double[] expected = new double[sums.length];
        for (int c = 0; c < sums.length; c++) {
            expected[c] = used == 0 ? 0 : sums[c] * horizonDays / used;
        }
        return expected;
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
