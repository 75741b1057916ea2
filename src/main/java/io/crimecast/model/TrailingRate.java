package io.crimecast.model;

import io.crimecast.grid.Grid;

/**
 * The naive map the field measures itself against for periods of a week to a quarter: each cell's mean daily count
 * over the last {@code lookbackDays} (all days given when fewer), times the period's length. At 600 ft, the NIJ
 * challenge's cells, long lookbacks rank better than the last month (sparse counts need many days to settle).
 */
public record TrailingRate(int lookbackDays) {
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

    /**
     * The period's forecast: expected counts, the region's hotspot rule applied to them, and as probability the
     * Poisson chance of at least one incident in the period (a daily model's calibrated probability has no
     * counterpart here). Bins are for daily counts and stay 0.
     */
    public Forecast forecast(Grid grid, DayHistory history, int horizonDays) {
        double[] expected = expected(history.days(), grid.cellCount(), horizonDays);
        double[] atLeastOne = new double[expected.length];
        for (int c = 0; c < expected.length; c++) {
            atLeastOne[c] = 1 - Math.exp(-expected[c]);
        }
        return new Forecast(history.lastDay().plusDays(1), version(), expected, new int[expected.length], atLeastOne,
                grid.flagHotspots(expected));
    }

    public String version() {
        return "trailing-" + lookbackDays + "d";
    }
}
