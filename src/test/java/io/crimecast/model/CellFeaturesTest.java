package io.crimecast.model;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The per-cell features: their shape, a few values by hand, and that nothing from the origin on is read. */
class CellFeaturesTest {
    private static final Grid GRID = new Grid(Regions.load("portland")); // 8 rows x 7 columns
    private static final LocalDate FIRST = LocalDate.of(2015, 1, 1);
    private static final int DAYS = 500;
    private static final int ORIGIN = 450;
    private static final int BUSY = 3 * 7 + 3; // row 3, column 3: inside, with a full 5x5 neighbourhood
    private static final int[] HORIZONS = {7, 31, 92};

    /** The busy cell: one incident a day; its right neighbour: one every tenth day. */
    private static int[][] history() {
        int[][] counts = new int[DAYS][GRID.cellCount()];
        for (int d = 0; d < DAYS; d++) {
            counts[d][BUSY] = 1;
            counts[d][BUSY + 1] = d % 10 == 0 ? 1 : 0;
        }
        return counts;
    }

    private static float[] features(int[][] counts, int cell, int horizon) {
        float[] out = new float[CellFeatures.COUNT + 2];
        Arrays.fill(out, -99);
        CellFeatures.at(GRID, counts, FIRST, ORIGIN).write(cell, horizon, out, 1);
        return out;
    }

    @Test
    void writesExactlyItsFeaturesWithRatesAsCountsOverTheHorizon() {
        assertThat(CellFeatures.COUNT).isEqualTo(25);
        float[] f = features(history(), BUSY, 31);
        assertThat(f[0]).isEqualTo(-99);
        assertThat(f[CellFeatures.COUNT + 1]).isEqualTo(-99);
        for (int i = 1; i <= CellFeatures.COUNT; i++) {
            assertThat(f[i]).isFinite();
        }
        assertThat(f[1]).isCloseTo((float) Math.log1p(31), within(1e-5f)); // the cell's last 7 days: 1 a day, 31 over 31 days
        // its 3x3 mean over 7 days: 1 a day among 9 cells (the neighbour's last incident was on day 440)
        assertThat(f[2]).isCloseTo((float) Math.log1p(31.0 / 9), within(1e-5f));
        assertThat(f[1 + 15]).isCloseTo((float) Math.log1p(31), within(1e-5f)); // same 31 days a year earlier: 31
        float[] neighbour = features(history(), BUSY + 1, 31);
        assertThat(neighbour[1 + 12]).isCloseTo((float) Math.log1p(45.0 / 450 * 31), within(1e-5f)); // all history: 45 in 450 days
        assertThat(neighbour[1 + 17]).isCloseTo((float) Math.log1p(10), within(1e-5f)); // days since its last (day 440)
        assertThat(neighbour[1 + 20]).isCloseTo((float) Math.log(31), within(1e-5f)); // the horizon
    }

    @Test
    void nothingFromTheOriginOnIsRead() {
        int[][] counts = history();
        int[][] future = Arrays.stream(counts).map(int[]::clone).toArray(int[][]::new);
        for (int d = ORIGIN; d < DAYS; d++) {
            future[d][0] = 40; // a burst in a quiet cell, and the busy cell falls silent
            future[d][BUSY] = 0;
        }
        for (int cell : new int[]{0, BUSY, BUSY + 1, GRID.cellCount() - 1}) {
            for (int h : HORIZONS) {
                assertThat(features(future, cell, h)).as("cell %d, %d days", cell, h).containsExactly(features(counts, cell, h));
            }
        }
        int[][] lastDayChanged = Arrays.stream(counts).map(int[]::clone).toArray(int[][]::new);
        lastDayChanged[ORIGIN - 1][0] = 40; // the day before the origin is read: the same test would see a leak
        assertThat(features(lastDayChanged, 0, 7)).isNotEqualTo(features(counts, 0, 7));
    }

    /**
     * The stream keeps about a year of days and the totals of the days before them: the features it computes from
     * that are those training computes from the whole history (a cell active only in the first weeks tells them apart).
     */
    @Test
    void theLastYearWithTheTotalsBeforeItGivesTheWholeHistorysFeatures() {
        int[][] counts = history();
        int early = 5 * 7 + 1;
        for (int d = 0; d < 60; d++) {
            counts[d][early] = 2;
        }
        int kept = CellFeatures.HISTORY_DAYS;
        int[] totals = new int[GRID.cellCount()];
        for (int d = 0; d < ORIGIN - kept; d++) {
            for (int c = 0; c < totals.length; c++) {
                totals[c] += counts[d][c];
            }
        }
        int[][] lastYear = Arrays.copyOfRange(counts, ORIGIN - kept, ORIGIN);
        LocalDate lastDay = FIRST.plusDays(ORIGIN - 1);
        CellFeatures whole = CellFeatures.at(GRID, counts, FIRST, ORIGIN);
        CellFeatures served = CellFeatures.at(GRID, new DayHistory(lastDay, lastYear, new DayHistory.Before(ORIGIN - kept, totals)));
        CellFeatures withoutTotals = CellFeatures.at(GRID, new DayHistory(lastDay, lastYear));
        for (int cell : new int[]{0, early, BUSY, BUSY + 1}) {
            for (int h : HORIZONS) {
                assertThat(written(served, cell, h)).as("cell %d, %d days", cell, h).containsExactly(written(whole, cell, h));
            }
        }
        assertThat(written(withoutTotals, early, 31)).isNotEqualTo(written(whole, early, 31));
        assertThat(served.everActive(early)).isTrue();
        assertThat(withoutTotals.everActive(early)).isFalse();
    }

    /** The trailing counts the network's output is blended with: TrailingRate's over the same days, all history included. */
    @Test
    void trailingCountsAreTheTrailingRatesOverTheHorizon() {
        int[][] counts = history();
        CellFeatures features = CellFeatures.at(GRID, counts, FIRST, ORIGIN);
        double[] year = new TrailingRate(365).expected(Arrays.copyOf(counts, ORIGIN), GRID.cellCount(), 31);
        for (int cell : new int[]{0, BUSY, BUSY + 1}) {
            assertThat(features.trailingCount(cell, 365, 31)).as("cell %d", cell).isCloseTo(year[cell], within(1e-9));
        }
        assertThat(year[BUSY + 1]).isCloseTo(36.0 / 365 * 31, within(1e-9)); // days 90, 100, ..., 440
        assertThat(features.trailingCount(BUSY + 1, CellFeatures.ALL_HISTORY, 92)).isCloseTo(45.0 / 450 * 92, within(1e-9));
        assertThatThrownBy(() -> features.trailingCount(BUSY, 30, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    private static float[] written(CellFeatures features, int cell, int horizon) {
        float[] out = new float[CellFeatures.COUNT];
        features.write(cell, horizon, out, 0);
        return out;
    }
}
