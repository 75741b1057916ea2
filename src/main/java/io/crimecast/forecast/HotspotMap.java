package io.crimecast.forecast;

import java.time.LocalDate;

/** One period's forecast: expected counts per cell and the flagged cells, best first. */
public record HotspotMap(String model, LocalDate periodStart, int horizonDays, double[] expected, int[] flagged) {

    /** The period's last day (inclusive). */
    public LocalDate periodEnd() {
        return periodStart.plusDays(horizonDays - 1L);
    }

    /** Each cell's rank among the flagged (1 = best), 0 when not flagged. */
    public int[] ranks() {
        int[] ranks = new int[expected.length];
        for (int i = 0; i < flagged.length; i++) {
            ranks[flagged[i]] = i + 1;
        }
        return ranks;
    }
}
