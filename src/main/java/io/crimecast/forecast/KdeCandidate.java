package io.crimecast.forecast;

import io.crimecast.model.KdeRanking;
import io.crimecast.train.CountMatrix;

import java.util.Arrays;

/** The last {@code lookbackDays}' daily mean spread by a Gaussian kernel ({@link KdeRanking}), times the period. */
public record KdeCandidate(int lookbackDays, double bandwidthCells) implements Candidate {
    @Override
    public String name() {
        return "kde-%dd-bw%s".formatted(lookbackDays, bandwidthCells == Math.rint(bandwidthCells) ? String.valueOf((int) bandwidthCells) : bandwidthCells);
    }

    @Override
    public double[] expected(CountMatrix history, int horizonDays) {
        int[][] days = history.counts();
        int[][] window = Arrays.copyOfRange(days, Math.max(0, days.length - lookbackDays), days.length);
        double[] perDay = new KdeRanking(window.length, bandwidthCells).score(history.grid(), window).expectedCount();
        return Arrays.stream(perDay).map(v -> v * horizonDays).toArray();
    }
}
