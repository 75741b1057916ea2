package io.crimecast.stream;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Layer;
import io.crimecast.model.DayHistory;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.LocalDate;

/**
 * The daily counts of every region's layers, one array of per-cell counts per (region, layer, local day), with the
 * history forecasters read and the pruning of days no forecaster or correction needs any more. A pruned day is added
 * to its layer's totals of every day before those kept (and their number), so that all history stays readable: the
 * per-cell network reads each cell's rate over it.
 */
final class DayStore {
    /** Closed days kept for forecasting (a 30-day-step hotspot model reads 180, long horizons a year), past retention. */
    static final int MIN_HISTORY_DAYS = 400;

    private final KeyValueStore<String, CellCounts> counts;

    DayStore(KeyValueStore<String, CellCounts> counts) {
        this.counts = counts;
    }

    int[] counts(Grid grid, Layer layer, LocalDate date) {
        return dense(counts.get(key(grid.region(), layer, date)), grid);
    }

    /** Counts one more incident in the cell on the day; returns the cell's count for the day now. */
    int increment(Grid grid, Layer layer, LocalDate date, int cell) {
        String key = key(grid.region(), layer, date);
        CellCounts day = counts.get(key);
        CellCounts counted = (day != null ? day : CellCounts.empty(grid.cellCount())).plusOne(cell);
        counts.put(key, counted);
        return counted.get(cell);
    }

    private static int[] dense(CellCounts stored, Grid grid) {
        return stored != null ? stored.toDense() : new int[grid.cellCount()];
    }

    /** Up to {@code wanted} closed days ending with {@code lastDay}, not before {@code firstDay}, oldest first. */
    DayHistory history(Grid grid, Layer layer, LocalDate firstDay, LocalDate lastDay, int wanted) {
        LocalDate from = lastDay.minusDays(Math.min(wanted, keptDays(grid)) - 1L);
        if (from.isBefore(firstDay)) {
            from = firstDay;
        }
        int n = (int) (lastDay.toEpochDay() - from.toEpochDay() + 1);
        int[][] days = new int[Math.max(n, 0)][];
        for (int i = 0; i < days.length; i++) {
            days[i] = counts(grid, layer, from.plusDays(i));
        }
        return new DayHistory(lastDay, days);
    }

    /**
     * As {@link #history}, with the totals of every day from {@code firstDay} before the history's first day: the
     * days pruned and the kept days older than the history.
     */
    DayHistory historyWithTotals(Grid grid, Layer layer, LocalDate firstDay, LocalDate lastDay, int wanted) {
        DayHistory recent = history(grid, layer, firstDay, lastDay, wanted);
        LocalDate from = lastDay.minusDays(recent.length() - 1L);
        int[] totals = dense(counts.get(totalsKey(grid.region(), layer)), grid);
        int days = prunedDays(grid, layer);
        LocalDate oldestKept = lastDay.minusDays(keptDays(grid));
        for (LocalDate d = oldestKept.isBefore(firstDay) ? firstDay : oldestKept; d.isBefore(from); d = d.plusDays(1)) {
            int[] day = counts(grid, layer, d);
            for (int c = 0; c < totals.length; c++) {
                totals[c] += day[c];
            }
            days++;
        }
        return new DayHistory(lastDay, recent.days(), new DayHistory.Before(days, totals));
    }

    /**
     * Forgets the day that just fell out of the kept history once {@code closedDay} closed, adding it to the totals
     * when it was one of the region's days (from {@code firstDay} on). It is past retention: no correction changes it.
     */
    void pruneAfterClosing(Grid grid, Layer layer, LocalDate firstDay, LocalDate closedDay) {
        LocalDate dropped = closedDay.minusDays(keptDays(grid));
        if (!dropped.isBefore(firstDay)) {
            int[] day = counts(grid, layer, dropped);
            int[] totals = dense(counts.get(totalsKey(grid.region(), layer)), grid);
            for (int c = 0; c < totals.length; c++) {
                totals[c] += day[c];
            }
            int days = prunedDays(grid, layer);
            counts.put(totalsKey(grid.region(), layer), CellCounts.of(totals));
            counts.put(totalsDaysKey(grid.region(), layer), CellCounts.of(new int[]{days + 1}));
        }
        Tombstone.write(counts, key(grid.region(), layer, dropped));
    }

    /** How many days the totals hold: stored as a one-cell count, the store's only value type. */
    private int prunedDays(Grid grid, Layer layer) {
        CellCounts stored = counts.get(totalsDaysKey(grid.region(), layer));
        return stored != null ? stored.get(0) : 0;
    }

    private static int keptDays(Grid grid) {
        return (int) Math.max(MIN_HISTORY_DAYS, grid.spec().retention().toDays() + 2);
    }

    static String key(String region, Layer layer, LocalDate date) {
        return region + '|' + layer.name() + '|' + date;
    }

    private static String totalsKey(String region, Layer layer) {
        return region + '|' + layer.name() + "|before";
    }

    private static String totalsDaysKey(String region, Layer layer) {
        return region + '|' + layer.name() + "|before-days";
    }
}
