package io.crimecast.eval;

/**
 * A flagged map scored against what happened, by the NIJ Real-Time Crime Forecasting Challenge's rules: PAI =
 * (hits / incidents) / (flagged area / study area); PEI* = hits / the most hits any set of as many cells had.
 * NaN where a ratio is undefined (no incidents at all).
 */
public record FlaggedAreaScore(double hits, double incidents, double bestHits, double pai, double pei) {

    /**
     * @param flagged     the flagged cells' ids
     * @param actual      incidents per cell over the period
     * @param areaShare   flagged area / study area
     */
    public static FlaggedAreaScore of(int[] flagged, double[] actual, double areaShare) {
        double hits = 0;
        for (int cell : flagged) {
            hits += actual[cell];
        }
        double incidents = 0;
        for (double a : actual) {
            incidents += a;
        }
        double best = RankingMetrics.bestCaptured(actual, flagged.length);
        return new FlaggedAreaScore(hits, incidents, best, incidents == 0 ? Double.NaN : hits / incidents / areaShare,
                best == 0 ? Double.NaN : hits / best);
    }
}
