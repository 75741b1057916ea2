package io.crimecast.audit;

import io.crimecast.forecast.FlagBudget;

import java.util.Arrays;

/**
 * How unevenly the flags fall over the study area's cells: the Gini coefficient of each cell's flagged days (0: every
 * cell flagged as often, towards 1: the same few always), the share of flagged cell-days the top 1% and 10% of cells
 * hold, and the flagged cells' share of the period's incidents beside their share of the study area (the ratio is PAI).
 */
public record Concentration(double gini, double top1PercentShare, double top10PercentShare, double incidentShare,
                            double areaShare, double pai) {

    /** @param actual the real incidents per day and cell, the same days as {@code flags} */
    public static Concentration of(Flags flags, int[][] actual, FlagBudget budget) {
        boolean[] study = budget.studyCells();
        int[] flaggedDays = flags.flaggedDays(study.length);
        int[] inStudy = new int[study.length];
        int n = 0;
        for (int c = 0; c < study.length; c++) {
            if (study[c]) {
                inStudy[n++] = flaggedDays[c];
            }
        }
        int[] days = Arrays.copyOf(inStudy, n);
        double hits = 0;
        double incidents = 0;
        long cellDays = 0;
        for (int d = 0; d < actual.length; d++) {
            for (int c : flags.byDay().get(d)) {
                hits += actual[d][c];
            }
            incidents += Arrays.stream(actual[d]).sum();
            cellDays += flags.byDay().get(d).length;
        }
        double incidentShare = incidents == 0 ? Double.NaN : hits / incidents;
        double areaShare = budget.areaShare(1) * cellDays / actual.length; // the mean flagged area's share
        return new Concentration(gini(days), topShare(days, 0.01), topShare(days, 0.10), incidentShare, areaShare,
                incidentShare / areaShare);
    }

    /** The Gini coefficient of non-negative values: 2·Σ i·x(i) / (n·Σ x) − (n+1)/n over the values sorted ascending, i from 1. */
    static double gini(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < sorted.length; i++) {
            total += sorted[i];
            weighted += (i + 1.0) * sorted[i];
        }
        int n = sorted.length;
        return total == 0 ? 0 : 2 * weighted / (n * total) - (n + 1.0) / n;
    }

    /** The share of the total the largest {@code fraction} of values hold (at least one value). */
    static double topShare(int[] values, double fraction) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int top = Math.max(1, (int) Math.ceil(fraction * sorted.length));
        double total = Arrays.stream(sorted).sum();
        double held = Arrays.stream(sorted, sorted.length - top, sorted.length).sum();
        return total == 0 ? Double.NaN : held / total;
    }
}
