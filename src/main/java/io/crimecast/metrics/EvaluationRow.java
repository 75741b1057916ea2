package io.crimecast.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One model or baseline on a chronological hold-out. {@code kind} is "count" or "hotspot". Raw-count errors are
 * always set; binned errors and the errors over active cells for count kinds; the ranking scores for hotspot kinds.
 *
 * @param origin   the first test day of this row's test period, or "all" for a summary over every origin
 * @param testDays days scored (summed over the origins in a summary)
 * @param raw      errors of the expected counts over all cells
 * @param active   errors over the cells with an incident before the test period
 * @param bins10   paper 000's errors on 10 equal-width bins (and {@code bins5} on 5)
 * @param ranking  AUC, hit rate, PAI and PEI at 1, 5 and 10% of the cells ({@code flagged} says how many cells that was)
 * @param fit      how a network was trained and chosen (null for baselines)
 * @param spread   on summary rows: the spread of the per-origin figure
 * @param versus   for count networks: the paired comparison with the best baseline
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationRow(String name, String kind, String origin, Integer testDays, CountMetrics raw, CountMetrics active,
                            CountMetrics bins10, CountMetrics bins5, RankingScores ranking, List<FlaggedArea> flagged,
                            NetworkFit fit, Spread spread, BaselineComparison versus) {
    public static final String ALL_ORIGINS = "all";
    public static final String SELECTED = "selected";

    /** Ranking measures at 1, 5 and 10% of the ranked cells, rounded up to whole cells. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RankingScores(Double auc, Double hit1, Double hit5, Double hit10, Double pai1, Double pai5, Double pai10,
                                Double pei1, Double pei5, Double pei10) {
    }

    /**
     * @param window         the input window validation chose
     * @param validationRmse the chosen network's validation RMSE, the figure every choice was made on
     * @param picked         on the "selected" row: the network validation picked among those trained
     * @param settings       every setting validation chose, e.g. "w8 64u lr0.001" (and batch, patience, normalisation when searched)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NetworkFit(Double trainSeconds, Integer epochs, Integer window, Double validationRmse, String picked, String settings) {
    }

    public static EvaluationRow count(String name, CountMetrics raw, CountMetrics active, CountMetrics bins10, CountMetrics bins5, NetworkFit fit) {
        return new EvaluationRow(name, "count", null, null, raw, active, bins10, bins5, null, null, fit, null, null);
    }

    public static EvaluationRow hotspot(String name, CountMetrics raw, RankingScores ranking, List<FlaggedArea> flagged, NetworkFit fit) {
        return new EvaluationRow(name, "hotspot", null, null, raw, null, null, null, ranking, flagged, fit, null, null);
    }

    public double mse() {
        return raw.mse();
    }

    public double rmse() {
        return raw.rmse();
    }

    public double mae() {
        return raw.mae();
    }

    /** The AUC of a hotspot row. */
    public double auc() {
        return ranking.auc();
    }

    public boolean isSummary() {
        return ALL_ORIGINS.equals(origin);
    }

    public EvaluationRow withOrigin(String firstTestDay, int days) {
        return new EvaluationRow(name, kind, firstTestDay, days, raw, active, bins10, bins5, ranking, flagged, fit, spread, versus);
    }

    public EvaluationRow withVersus(BaselineComparison comparison) {
        return new EvaluationRow(name, kind, origin, testDays, raw, active, bins10, bins5, ranking, flagged, fit, spread, comparison);
    }

    /** This network's row as the one validation picked. */
    public EvaluationRow asSelected() {
        NetworkFit picked = new NetworkFit(fit.trainSeconds(), fit.epochs(), fit.window(), fit.validationRmse(), name + " w" + fit.window(),
                fit.settings());
        return new EvaluationRow(SELECTED, kind, origin, testDays, raw, active, bins10, bins5, ranking, flagged, picked, spread, versus);
    }
}
