package io.crimecast.forecast;

import io.crimecast.grid.Grid;
import io.crimecast.model.TrailingRate;

/** Each cell's mean daily count over a lookback (all history when longer than the data), times the period. */
public record TrailingCandidate(String name, TrailingRate rate) implements Candidate {
    public static TrailingCandidate days(int lookbackDays) {
        return new TrailingCandidate("trailing-" + lookbackDays + "d", new TrailingRate(lookbackDays));
    }

    public static TrailingCandidate allHistory() {
        return new TrailingCandidate("trailing-all", new TrailingRate(Integer.MAX_VALUE));
    }

    @Override
    public double[] expected(Grid grid, int[][] days, int horizonDays) {
        return rate.expected(days, grid.cellCount(), horizonDays);
    }
}
