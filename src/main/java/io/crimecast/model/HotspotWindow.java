package io.crimecast.model;

/**
 * Sums daily counts into consecutive steps of {@code stepDays} days, the unit hotspot forecasters work in (30 for
 * the Spatio-LSTM paper's months, 1 for daily hotspots).
 */
public final class HotspotWindow {
    private HotspotWindow() {
    }

    /**
     * The {@code steps} whole steps ending just before day index {@code endExclusive}, oldest first:
     * {@code out[s][cell]}. Days before index 0 count as zero, so a short history still gives a full window.
     */
    public static int[][] sum(int[][] days, int endExclusive, int stepDays, int steps, int cells) {
        if (stepDays < 1 || steps < 1) {
            throw new IllegalArgumentException("stepDays and steps must be at least 1, were " + stepDays + " and " + steps);
        }
        int[][] out = new int[steps][cells];
        for (int s = 0; s < steps; s++) {
            int from = endExclusive - (steps - s) * stepDays;
            for (int d = Math.max(0, from); d < from + stepDays; d++) {
                int[] day = days[d];
                for (int c = 0; c < cells; c++) {
                    out[s][c] += day[c];
                }
            }
        }
        return out;
    }
}
