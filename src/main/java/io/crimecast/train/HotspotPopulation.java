package io.crimecast.train;

import io.crimecast.grid.HotspotRule;

import java.util.stream.IntStream;

/**
 * The cells a hotspot rule ranks, ascending ids. The paper's Portland protocol ranks only active cells (an incident
 * in the training period): at 600 ft most of the bounding box is river, forest or industry, and "top 5% of all
 * cells" would be a different, easier label. Arrays returned here are aligned with {@link #cells()}.
 */
public record HotspotPopulation(int[] cells) {
    public static HotspotPopulation all(int cellCount) {
        return new HotspotPopulation(IntStream.range(0, cellCount).toArray());
    }

    /** Cells with at least one incident in {@code counts[step][cell]}. */
    public static HotspotPopulation active(int[][] counts, int cellCount) {
        boolean[] seen = new boolean[cellCount];
        for (int[] step : counts) {
            for (int c = 0; c < cellCount; c++) {
                seen[c] |= step[c] > 0;
            }
        }
        return new HotspotPopulation(IntStream.range(0, cellCount).filter(c -> seen[c]).toArray());
    }

    public int size() {
        return cells.length;
    }

    /** The rule applied among the population (top k% of its cells, ties to the lower id; or count >= N). */
    public boolean[] hotspots(HotspotRule rule, int[] counts) {
        return rule.flag(pick(counts));
    }

    public double[] pick(int[] perCell) {
        double[] out = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = perCell[cells[i]];
        }
        return out;
    }

    public double[] pick(double[] perCell) {
        double[] out = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = perCell[cells[i]];
        }
        return out;
    }
}
