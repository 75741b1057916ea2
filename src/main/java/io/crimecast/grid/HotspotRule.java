package io.crimecast.grid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Which cells count as hotspots: the top k% of cells by value, every cell at or above a count, or the best cells
 * that fit in a flagged-area budget ({@code area: "0.25 sq mi"}, the NIJ challenge's way). Exactly one is given;
 * an area becomes a number of whole cells ({@code cells}) once the region's cell size is known, never more area
 * than the budget.
 */
public record HotspotRule(Double topPercent, Integer minCount, String area, Integer cells) {
    public HotspotRule {
        int given = (topPercent == null ? 0 : 1) + (minCount == null ? 0 : 1) + (area == null ? 0 : 1);
        if (given != 1) {
            throw new IllegalArgumentException("hotspot: give exactly one of topPercent, minCount or area");
        }
        if (area != null) {
            Area.parse(area); // a clear error at load
        } else if (cells != null) {
            throw new IllegalArgumentException("hotspot.cells is worked out from hotspot.area; give area instead");
        }
        if (topPercent != null && !(topPercent > 0 && topPercent <= 100)) {
            throw new IllegalArgumentException("hotspot.topPercent must be in (0, 100], was " + topPercent);
        }
        if (minCount != null && minCount < 1) {
            throw new IllegalArgumentException("hotspot.minCount must be at least 1, was " + minCount);
        }
    }

    public static HotspotRule topPercent(double percent) {
        return new HotspotRule(percent, null, null, null);
    }

    public static HotspotRule minCount(int count) {
        return new HotspotRule(null, count, null, null);
    }

    public static HotspotRule area(String area) {
        return new HotspotRule(null, null, area, null);
    }

    /** With an area budget, the number of whole cells of {@code cellSquareMetres} that fit in it; else this rule. */
    public HotspotRule forCellArea(double cellSquareMetres) {
        if (area == null) {
            return this;
        }
        return new HotspotRule(null, null, area, (int) Math.floor(Area.parse(area).squareMetres() / cellSquareMetres + 1e-9));
    }

    /** Number of cells the top-k% or area rule flags out of {@code cells}: at least one for top-k%, what fits for an area. */
    public int topCount(int cells) {
        if (area != null) {
            if (this.cells == null) {
                throw new IllegalStateException("hotspot area " + area + " not yet resolved to cells (forCellArea)");
            }
            return Math.min(this.cells, cells);
        }
        return Math.max(1, (int) Math.ceil(cells * topPercent / 100.0 - 1e-9));
    }

    /**
     * Flags hotspots among {@code values}. Under the top-k% rule only cells with a positive value can be
     * flagged, ties broken by the lower cell id so the result is deterministic.
     */
    public boolean[] flag(double[] values) {
        return flag(values, null);
    }

    /**
     * Flags hotspots among the {@code eligible} cells only (every cell when null: the baseline flags every history day
     * of every close, so no array of trues is made and counted for it); top-k% counts k% of those.
     */
    boolean[] flag(double[] values, boolean[] eligible) {
        boolean[] flags = new boolean[values.length];
        if (minCount != null) {
            for (int i = 0; i < values.length; i++) {
                flags[i] = (eligible == null || eligible[i]) && values[i] >= minCount;
            }
            return flags;
        }
        int candidates = eligible == null ? values.length : 0;
        for (int i = 0; eligible != null && i < eligible.length; i++) {
            candidates += eligible[i] ? 1 : 0;
        }
        // Only positive cells can be flagged, so only they are ranked: at street level a day is a few hundred of
        // 36,000 cells, and ranking them all at every history day of every close was most of a day close's time.
        // Plain loops find them, and a heap of the k best so far keeps them (a per-cell network makes every cell
        // positive: sorting 36,000 boxed ids was a tenth of a 600 ft Sunday close, JFR).
        int k = topCount(candidates);
        int[] best = new int[k]; // a heap whose root is the worst of the best k so far
        int size = 0;
        for (int i = 0; i < values.length; i++) {
            if ((eligible != null && !eligible[i]) || !(values[i] > 0)) {
                continue;
            }
            if (size < k) {
                best[size] = i;
                for (int j = size++; j > 0 && ranksAbove(values, best[(j - 1) / 2], best[j]); j = (j - 1) / 2) {
                    swap(best, j, (j - 1) / 2);
                }
            } else if (k > 0 && ranksAbove(values, i, best[0])) {
                best[0] = i;
                for (int j = 0; ; ) {
                    int worst = j, left = 2 * j + 1, right = left + 1;
                    if (left < size && ranksAbove(values, best[worst], best[left])) {
                        worst = left;
                    }
                    if (right < size && ranksAbove(values, best[worst], best[right])) {
                        worst = right;
                    }
                    if (worst == j) {
                        break;
                    }
                    swap(best, j, worst);
                    j = worst;
                }
            }
        }
        for (int j = 0; j < size; j++) {
            flags[best[j]] = true;
        }
        return flags;
    }

    /** Higher value first, then the lower id: the order {@link #rankDescending} gives. */
    private static boolean ranksAbove(double[] values, int a, int b) {
        return values[a] > values[b] || (values[a] == values[b] && a < b);
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    public boolean[] flag(int[] counts) {
        double[] values = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            values[i] = counts[i];
        }
        return flag(values);
    }

    /** Cell ids ordered by value, highest first, ties by lower id. */
    public static int[] rankDescending(double[] values) {
        return IntStream.range(0, values.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -values[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        if (area != null) {
            return "best " + cells + " cells within " + area;
        }
        return topPercent != null ? "top " + topPercent + "% of cells" : "count >= " + minCount;
    }
}
