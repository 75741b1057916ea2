package io.crimecast.eval;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One model or baseline on a chronological hold-out. {@code kind} is "count" or "hotspot". Raw-count errors are
 * always set; binned errors for count kinds, AUC and PAI/PEI/hit rate at 1, 5 and 10% of cells for hotspot kinds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationRow(String name, String kind, double mse, double rmse, double mae,
                            Double rmseBins10, Double maeBins10, Double mseBins10,
                            Double rmseBins5, Double maeBins5, Double mseBins5,
                            Double auc, Double hit1, Double hit5, Double hit10,
                            Double pai1, Double pai5, Double pai10,
                            Double pei1, Double pei5, Double pei10,
                            Double trainSeconds, Integer epochs) {
}
