package io.crimecast.model;

import io.crimecast.grid.Grid;

/**
 * PAI of the cells the region's hotspot rule flags on a map, scored on a period of known days: (hits / incidents) /
 * (flagged cells / study-area cells), counting only study-area cells. What the per-cell network's blend and its
 * publish rule are chosen by on the network's validation period.
 */
public final class PeriodPai {
    private PeriodPai() {
    }

    /** PAI of {@code expected}'s flags on {@code days[from..to-1]} (clamped to the days); 0 with no incidents or no flags. */
    public static double of(Grid grid, double[] expected, int[][] days, int from, int to) {
        boolean[] flagged = grid.flagHotspots(expected);
        boolean[] study = new boolean[flagged.length];
        for (int c = 0; c < study.length; c++) {
            study[c] = grid.inStudyArea(c);
        }
        double hits = 0, incidents = 0;
        for (int d = from; d < Math.min(days.length, to); d++) {
            for (int c = 0; c < flagged.length; c++) {
                if (study[c]) {
                    incidents += days[d][c];
                    hits += flagged[c] ? days[d][c] : 0;
                }
            }
        }
        int flaggedCells = 0;
        for (boolean f : flagged) {
            flaggedCells += f ? 1 : 0;
        }
        return incidents == 0 || flaggedCells == 0 ? 0 : (hits / incidents) / ((double) flaggedCells / grid.studyCellCount());
    }
}
