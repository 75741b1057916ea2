package io.crimecast.forecast;

import io.crimecast.model.TrailingRate;
import io.crimecast.train.CountMatrix;

/** Each cell's mean daily count over a lookback (all history when longer than the data), times the period. */
public record TrailingCandidate(String name, TrailingRate rate) implements Candidate {
    public static TrailingCandidate days(int lookbackDays) {
        return new TrailingCandidate("trailing-" + lookbackDays + "d", new TrailingRate(lookbackDays));
    }

    public static TrailingCandidate allHistory() {
        return new TrailingCandidate("trailing-all", new TrailingRate(Integer.MAX_VALUE));
    }

    @Override
    public double[] expected(CountMatrix history, int horizonDays) {
        return rate.expected(history.counts(), history.cells(), horizonDays);
    }
}
