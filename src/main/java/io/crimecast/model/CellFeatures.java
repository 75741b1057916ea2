package io.crimecast.model;

import io.crimecast.grid.Grid;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What the per-cell network reads about a cell for a period starting at {@code origin}, from the days before it
 * only. Space: the cell, its 3x3 and 5x5 neighbourhoods (mean per cell) and the layer city-wide; time: the last 7,
 * 28, 91 and 365 days and all history, the same season last year, days since the cell's last incident (at most a year); calendar:
 * horizon, season and weekday of the first day. Rates are given as the count they would make over the horizon,
 * log1p'd, so one network serves every horizon. Training (from a whole history, any origin) and the stream (from the
 * days it keeps and the totals of the days before them) both compute them here.
 */
public final class CellFeatures {
    /** A lookback of all history (with the totals of the days before a stream's kept days). */
    public static final int ALL_HISTORY = Integer.MAX_VALUE;
    private static final int[] LOOKBACKS = {7, 28, 91, 365, ALL_HISTORY};
    private static final int[] RADII = {0, 1, 2}; // the cell, 3x3, 5x5
    private static final int YEAR = 365;
    /** Days since a cell's last incident stop counting at a year: uncapped, a never-active cell's value would be the history's length, which grows from training origin to forecast. */
    private static final int RECENCY_CAP = YEAR;
    /** Features per cell: 5 lookbacks x 3 scales, 2 same-season, 1 recency, 2 city-wide, 5 calendar. */
    public static final int COUNT = LOOKBACKS.length * RADII.length + 2 + 1 + 2 + 5;
    /** Days before the origin that the features read; older days count only in the all-history totals. */
    public static final int HISTORY_DAYS = YEAR;
    /**
     * Names these features in a bundle, so that a network trained on other features is refused rather than fed the
     * wrong inputs: change it whenever what {@link #write} writes changes.
     */
    public static final String SETTINGS = "cell-features-v1: lookbacks 7,28,91,365,all x cell,3x3,5x5; same season cell,3x3; "
            + "recency capped 365; city 28,365; log horizon, season, weekday";

    private final Grid grid;
    private final int[][] days;
    private final int origin;
    private final LocalDate date;
    /** [lookback * RADII.length + scale][cell]: mean daily count. */
    private final double[][] rates;
    private final double[] daysSinceLast;
    private final double cityRate28;
    private final double cityRate365;
    private final Map<Integer, double[][]> sameSeason = new HashMap<>();
    /** Season and weekday of the first day, sin and cos: the same for every cell. */
    private final float[] calendar;

    private CellFeatures(Grid grid, int[][] days, LocalDate firstDay, int origin, DayHistory.Before before) {
        if (origin < 1 || origin > days.length) {
            throw new IllegalArgumentException("origin must be 1.." + days.length + ", was " + origin);
        }
        this.grid = grid;
        this.days = days;
        this.origin = origin;
        this.date = firstDay.plusDays(origin);
        int cells = grid.cellCount();
        rates = new double[LOOKBACKS.length * RADII.length][];
        daysSinceLast = new double[cells];
        Arrays.fill(daysSinceLast, RECENCY_CAP);
        // One pass back from the origin: the lookbacks nest, so each one's sum is the last one's plus its older days;
        // the first incident met going back is a cell's last.
        double[] running = new double[cells];
        int d = origin;
        for (int l = 0; l < LOOKBACKS.length; l++) {
            int inDays = Math.min(LOOKBACKS[l], origin);
            for (; d > origin - inDays; ) {
                int[] day = days[--d];
                boolean recent = origin - d <= RECENCY_CAP;
                for (int c = 0; c < cells; c++) {
                    int n = day[c];
                    if (n != 0) {
                        running[c] += n;
                        if (recent && daysSinceLast[c] == RECENCY_CAP) {
                            daysSinceLast[c] = origin - d;
                        }
                    }
                }
            }
            double[] mean = running.clone();
            int used = inDays;
            if (LOOKBACKS[l] == ALL_HISTORY) {
                used += before.days();
                for (int c = 0; c < cells; c++) {
                    mean[c] += before.count(c);
                }
            }
            for (int c = 0; c < cells; c++) {
                mean[c] /= used;
            }
            for (int s = 0; s < RADII.length; s++) {
                rates[l * RADII.length + s] = boxMean(mean, RADII[s]);
            }
        }
        double year = 2 * Math.PI * date.getDayOfYear() / 365.25;
        double week = 2 * Math.PI * date.getDayOfWeek().getValue() / 7.0;
        calendar = new float[]{(float) Math.sin(year), (float) Math.cos(year), (float) Math.sin(week), (float) Math.cos(week)};
        cityRate28 = cityTotal(rates[1 * RADII.length]);
        cityRate365 = cityTotal(rates[3 * RADII.length]);
    }

    /** The features of every cell for the period starting the day after {@code days[0..origin-1]}, the first of them {@code firstDay}. */
    public static CellFeatures at(Grid grid, int[][] days, LocalDate firstDay, int origin) {
        return new CellFeatures(grid, days, firstDay, origin, DayHistory.Before.NONE);
    }

    /** The features of every cell for the period starting the day after the history's last day. */
    public static CellFeatures at(Grid grid, DayHistory history) {
        return new CellFeatures(grid, history.days(), history.firstDay(), history.length(), history.before());
    }

    public int cells() {
        return grid.cellCount();
    }

    /** Incidents before the origin in the cell: zero-history cells are the ones a trainer subsamples. */
    public boolean everActive(int cell) {
        return rates[(LOOKBACKS.length - 1) * RADII.length][cell] > 0;
    }

    /**
     * The cell's mean daily count over the last {@code lookbackDays} (one of the feature lookbacks, e.g. 365 or
     * {@link #ALL_HISTORY}) times {@code horizonDays}: the trailing-count map's forecast, from the same days.
     */
    public double trailingCount(int cell, int lookbackDays, int horizonDays) {
        for (int l = 0; l < LOOKBACKS.length; l++) {
            if (LOOKBACKS[l] == lookbackDays) {
                return rates[l * RADII.length][cell] * horizonDays;
            }
        }
        throw new IllegalArgumentException("no feature looks back " + lookbackDays + " days");
    }

    /** Writes the {@value #COUNT} features of {@code cell} for a {@code horizonDays} period into {@code out} at {@code offset}. */
    public void write(int cell, int horizonDays, float[] out, int offset) {
        int i = offset;
        for (double[] rate : rates) {
            out[i++] = (float) Math.log1p(rate[cell] * horizonDays);
        }
        double[][] season = sameSeason.computeIfAbsent(horizonDays, this::sameSeason);
        out[i++] = (float) Math.log1p(season[0][cell]);
        out[i++] = (float) Math.log1p(season[1][cell]);
        out[i++] = (float) Math.log1p(daysSinceLast[cell]);
        out[i++] = (float) Math.log1p(cityRate28 * horizonDays);
        out[i++] = (float) Math.log1p(cityRate365 * horizonDays);
        out[i++] = (float) Math.log(horizonDays);
        System.arraycopy(calendar, 0, out, i, calendar.length);
    }

    /**
     * Counts over the same days a year earlier ({@code origin - 365} for the horizon), cell and 3x3; with less than
     * a year of history, the all-history rate over the horizon stands in.
     */
    private double[][] sameSeason(int horizonDays) {
        double[] count;
        if (origin >= YEAR) {
            count = sum(origin - YEAR, Math.min(origin, origin - YEAR + horizonDays));
        } else {
            double[] all = rates[(LOOKBACKS.length - 1) * RADII.length];
            count = new double[all.length];
            for (int c = 0; c < count.length; c++) {
                count[c] = all[c] * horizonDays;
            }
        }
        return new double[][]{count, boxMean(count, 1)};
    }

    private double[] sum(int from, int to) {
        double[] total = new double[grid.cellCount()];
        for (int d = from; d < to; d++) {
            int[] day = days[d];
            for (int c = 0; c < total.length; c++) {
                total[c] += day[c];
            }
        }
        return total;
    }

    private static double cityTotal(double[] perCell) {
        double total = 0;
        for (double v : perCell) {
            total += v;
        }
        return total;
    }

    /** The mean over the (2r+1)^2 square around each cell (cells off the grid count zero); separable, rows then columns. */
    private double[] boxMean(double[] values, int radius) {
        if (radius == 0) {
            return values;
        }
        int rows = grid.rows(), cols = grid.cols();
        double[] alongRows = new double[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double s = 0;
                for (int k = Math.max(0, c - radius); k <= Math.min(cols - 1, c + radius); k++) {
                    s += values[r * cols + k];
                }
                alongRows[r * cols + c] = s;
            }
        }
        double side = 2 * radius + 1;
        double[] out = new double[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double s = 0;
                for (int k = Math.max(0, r - radius); k <= Math.min(rows - 1, r + radius); k++) {
                    s += alongRows[k * cols + c];
                }
                out[r * cols + c] = s / (side * side);
            }
        }
        return out;
    }
}
