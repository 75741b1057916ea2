package io.crimecast.eval;

import io.crimecast.model.EqualWidthBins;

/** A count forecaster's errors on raw counts and with 10 and 5 equal-width bins fitted on training days. */
public record CountScore(CountMetrics raw, CountMetrics bins10, CountMetrics bins5) {

    public static CountScore of(int[][] truth, double[][] predicted, int[][] trainingDays) {
        return new CountScore(CountMetrics.of(truth, predicted),
                CountMetrics.binned(truth, predicted, EqualWidthBins.fit(trainingDays, 10)),
                CountMetrics.binned(truth, predicted, EqualWidthBins.fit(trainingDays, 5)));
    }

    public EvaluationRow toRow(String name, Double trainSeconds, Integer epochs) {
        return new EvaluationRow(name, "count", raw.mse(), raw.rmse(), raw.mae(),
                bins10.rmse(), bins10.mae(), bins10.mse(), bins5.rmse(), bins5.mae(), bins5.mse(),
                null, null, null, null, null, null, null, null, null, null, trainSeconds, epochs);
    }
}
