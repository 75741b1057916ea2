package io.crimecast.grid;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Which cells count as hotspots: the top k% of cells by value, or every cell at or above a count.
 * Exactly one of the two is set.
 */
public record HotspotRule(Double topPercent, Integer minCount) {
    public HotspotRule {
        if ((topPercent == null) == (minCount == null)) {
            throw new IllegalArgumentException("hotspot: give exactly one of topPercent or minCount");
        }
        if (topPercent != null && !(topPercent > 0 && topPercent <= 100)) {
            throw new IllegalArgumentException("hotspot.topPercent must be in (0, 100], was " + topPercent);
        }
        if (minCount != null && minCount < 1) {
            throw new IllegalArgumentException("hotspot.minCount must be at least 1, was " + minCount);
        }
    }

    public static HotspotRule topPercent(double percent) {
        return new HotspotRule(percent, null);
    }

    public static HotspotRule minCount(int count) {
        return new HotspotRule(null, count);
    }

    /** Number of cells the top-k% rule flags out of {@code cells} (at least one). */
    public int topCount(int cells) {
        return Math.max(1, (int) Math.ceil(cells * topPercent / 100.0 - 1e-9));
    }

    /**
     * Flags hotspots among {@code values}. Under the top-k% rule only cells with a positive value can be
     * flagged, ties broken by the lower cell id so the result is deterministic.
     */
    public boolean[] flag(double[] values) {
        boolean[] flags = new boolean[values.length];
        if (minCount != null) {
            for (int i = 0; i < values.length; i++) {
                flags[i] = values[i] >= minCount;
            }
            return flags;
        }
        int k = topCount(values.length);
        int[] order = rankDescending(values);
        for (int i = 0; i < k && i < order.length; i++) {
            if (values[order[i]] > 0) {
                flags[order[i]] = true;
            }
        }
        return flags;
    }

    public boolean[] flag(int[] counts) {
        return flag(Arrays.stream(counts).asDoubleStream().toArray());
    }

    /** Cell ids ordered by value, highest first, ties by lower id. */
    public static int[] rankDescending(double[] values) {
        return IntStream.range(0, values.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -values[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return topPercent != null ? "top " + topPercent + "% of cells" : "count >= " + minCount;
    }
}
