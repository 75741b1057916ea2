package io.crimecast.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One model or baseline on a chronological hold-out. {@code kind} is "count" or "hotspot". Raw-count errors are
 * always set; binned errors and the errors over active cells for count kinds; AUC and PAI/PEI/hit rate at 1, 5 and
 * 10% of cells (rounded up to whole cells, see {@code flagged} for how many and their true share) for hotspot kinds.
 *
 * @param origin         the first test day of this row's test period, or "all" for a summary over every origin
 * @param testDays       days scored (summed over the origins in a summary)
 * @param active         errors over the cells with an incident before the test period
 * @param window         the input window validation chose (networks only)
 * @param validationRmse the chosen network's validation RMSE, the figure every choice was made on
 * @param picked         on the "selected" row: the network validation picked among those trained
 * @param spread         on summary rows: the spread of the per-origin figure
 * @param versus         for count networks: the paired comparison with the best baseline
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationRow(String name, String kind, double mse, double rmse, double mae,
                            Double rmseBins10, Double maeBins10, Double mseBins10,
                            Double rmseBins5, Double maeBins5, Double mseBins5,
                            Double auc, Double hit1, Double hit5, Double hit10,
                            Double pai1, Double pai5, Double pai10,
                            Double pei1, Double pei5, Double pei10,
                            Double trainSeconds, Integer epochs,
                            String origin, Integer testDays, CountMetrics active, List<FlaggedArea> flagged,
                            Integer window, Double validationRmse, String picked,
                            Spread spread, BaselineComparison versus) {
    public static final String ALL_ORIGINS = "all";
    public static final String SELECTED = "selected";

    public boolean isSummary() {
        return ALL_ORIGINS.equals(origin);
    }

    public EvaluationRow withOrigin(String firstTestDay, int days) {
        return new EvaluationRow(name, kind, mse, rmse, mae, rmseBins10, maeBins10, mseBins10, rmseBins5, maeBins5, mseBins5,
                auc, hit1, hit5, hit10, pai1, pai5, pai10, pei1, pei5, pei10, trainSeconds, epochs,
                firstTestDay, days, active, flagged, window, validationRmse, picked, spread, versus);
    }

    public EvaluationRow withVersus(BaselineComparison comparison) {
        return new EvaluationRow(name, kind, mse, rmse, mae, rmseBins10, maeBins10, mseBins10, rmseBins5, maeBins5, mseBins5,
                auc, hit1, hit5, hit10, pai1, pai5, pai10, pei1, pei5, pei10, trainSeconds, epochs,
                origin, testDays, active, flagged, window, validationRmse, picked, spread, comparison);
    }

    /** This network's row as the one validation picked. */
    public EvaluationRow asSelected() {
        return new EvaluationRow(SELECTED, kind, mse, rmse, mae, rmseBins10, maeBins10, mseBins10, rmseBins5, maeBins5, mseBins5,
                auc, hit1, hit5, hit10, pai1, pai5, pai10, pei1, pei5, pei10, trainSeconds, epochs,
                origin, testDays, active, flagged, window, validationRmse, name + " w" + window, spread, versus);
    }
}
