package io.crimecast.stream;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Layer;
import io.crimecast.model.DayHistory;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.LocalDate;

/**
 * The daily counts of every region's layers, one array of per-cell counts per (region, layer, local day), with the
 * history forecasters read and the pruning of days no forecaster or correction needs any more.
 */
final class DayStore {
    /** Closed days kept for forecasting (a 30-day-step hotspot model reads 180, long horizons a year), past retention. */
    static final int MIN_HISTORY_DAYS = 400;

    private final KeyValueStore<String, int[]> counts;

    DayStore(KeyValueStore<String, int[]> counts) {
        this.counts = counts;
    }

    int[] counts(Grid grid, Layer layer, LocalDate date) {
        int[] c = counts.get(key(grid.region(), layer, date));
        return c != null ? c : new int[grid.cellCount()];
    }

    void put(Grid grid, Layer layer, LocalDate date, int[] cellCounts) {
        counts.put(key(grid.region(), layer, date), cellCounts);
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

    /** Forgets the day that just fell out of the kept history once {@code closedDay} closed. */
    void pruneAfterClosing(Grid grid, Layer layer, LocalDate closedDay) {
        counts.delete(key(grid.region(), layer, closedDay.minusDays(keptDays(grid))));
    }

    private static int keptDays(Grid grid) {
        return (int) Math.max(MIN_HISTORY_DAYS, grid.spec().retention().toDays() + 2);
    }

    static String key(String region, Layer layer, LocalDate date) {
        return region + '|' + layer.name() + '|' + date;
    }
}
