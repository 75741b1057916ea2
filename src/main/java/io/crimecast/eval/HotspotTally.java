package io.crimecast.eval;

import io.crimecast.metrics.FlaggedArea;
import io.crimecast.metrics.CountMetrics;
import io.crimecast.metrics.EvaluationRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects one ranking's forecasts over the test steps and turns them into an {@link EvaluationRow}. AUC pools all
 * (cell, step) pairs. Hit rate, PAI and PEI pool the steps: at area a, hit rate = incidents in the top a of cells /
 * all incidents of the population's cells; PAI = hit rate / the flagged share of cells (a rounded up to whole
 * cells, so on a small population "1%" may be one cell and several percent of the area: {@link #flagged()} says
 * what was flagged); PEI = incidents captured / the most the same number of cells could have captured. Count errors
 * compare the expected with the actual count per cell and step.
 */
public final class HotspotTally {
    static final double[] AREAS = {0.01, 0.05, 0.10};

    private final List<double[]> scores = new ArrayList<>();
    private final List<boolean[]> hotspots = new ArrayList<>();
    private final double[] captured = new double[AREAS.length];
    private final double[] best = new double[AREAS.length];
    private final int[] flaggedCells = new int[AREAS.length];
    private int population;
    private double incidents;
    private double squaredError;
    private double absoluteError;
    private long samples;
    private WeightedAuc pooled; // sorted once, on the first AUC asked for after the last step

    /** One test step, arrays aligned over the population's cells. */
    public void add(double[] score, boolean[] hotspot, double[] actual, double[] expected) {
        scores.add(score.clone());
        hotspots.add(hotspot.clone());
        for (int a = 0; a < AREAS.length; a++) {
            int flagged = RankingMetrics.flaggedCells(AREAS[a], score.length);
            captured[a] += RankingMetrics.captured(score, actual, flagged);
            best[a] += RankingMetrics.bestCaptured(actual, flagged);
            flaggedCells[a] = flagged;
        }
        for (int c = 0; c < actual.length; c++) {
            incidents += actual[c];
            double e = expected[c] - actual[c];
            squaredError += e * e;
            absoluteError += Math.abs(e);
        }
        samples += actual.length;
        population = score.length;
        pooled = null;
    }

    public double auc() {
        int[] once = new int[steps()];
        Arrays.fill(once, 1);
        return auc(once);
    }

    /** The pooled AUC with each test step counted {@code stepWeights[step]} times (a bootstrap resample of the steps). */
    public double auc(int[] stepWeights) {
        if (pooled == null) {
            int n = scores.stream().mapToInt(s -> s.length).sum();
            double[] allScores = new double[n];
            boolean[] allHotspots = new boolean[n];
            int[] step = new int[n];
            for (int i = 0, at = 0; i < scores.size(); at += scores.get(i).length, i++) {
                System.arraycopy(scores.get(i), 0, allScores, at, scores.get(i).length);
                System.arraycopy(hotspots.get(i), 0, allHotspots, at, hotspots.get(i).length);
                Arrays.fill(step, at, at + scores.get(i).length, i);
            }
            pooled = new WeightedAuc(allScores, allHotspots, step);
        }
        return pooled.auc(stepWeights);
    }

    /** The test steps added so far. */
    public int steps() {
        return scores.size();
    }

    public double hitRate(int area) {
        return captured[area] / incidents;
    }

    public double pai(int area) {
        return hitRate(area) / flagged().get(area).share();
    }

    /** The cells flagged at each of the areas 1, 5 and 10%, and their share of the population. */
    public List<FlaggedArea> flagged() {
        return Arrays.stream(flaggedCells).mapToObj(c -> new FlaggedArea(c, (double) c / population)).toList();
    }

    public double pei(int area) {
        return best[area] == 0 ? Double.NaN : captured[area] / best[area];
    }

    /** @param settings what the network was trained with, null for a ranking */
    public EvaluationRow row(String name, Double trainSeconds, Integer epochs, String settings) {
        double mse = squaredError / samples;
        return EvaluationRow.hotspot(name, new CountMetrics(mse, Math.sqrt(mse), absoluteError / samples),
                new EvaluationRow.RankingScores(auc(), hitRate(0), hitRate(1), hitRate(2), pai(0), pai(1), pai(2), pei(0), pei(1), pei(2)),
                flagged(), trainSeconds == null && epochs == null ? null : new EvaluationRow.NetworkFit(trainSeconds, epochs, null, null, null, settings));
    }
}
