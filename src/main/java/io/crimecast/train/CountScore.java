package io.crimecast.train;

import io.crimecast.metrics.EvaluationRow;
import io.crimecast.metrics.CountMetrics;
import io.crimecast.metrics.EqualWidthBins;

/**
 * A count forecaster's errors on raw counts over all cells and over the active cells, and with 10 and 5
 * equal-width bins fitted on training days.
 */
public record CountScore(CountMetrics raw, CountMetrics active, CountMetrics bins10, CountMetrics bins5) {

    /** @param activeCells the cells with an incident before the scored days (cells outside the city never have one) */
    public static CountScore of(int[][] truth, double[][] predicted, int[][] trainingDays, HotspotPopulation activeCells) {
        return new CountScore(CountMetrics.of(truth, predicted), CountMetrics.of(truth, predicted, activeCells.cells()),
                CountMetrics.binned(truth, predicted, EqualWidthBins.fit(trainingDays, 10)),
                CountMetrics.binned(truth, predicted, EqualWidthBins.fit(trainingDays, 5)));
    }

    /** @param trained the network scored, or null for a baseline */
    public EvaluationRow toRow(String name, TrainedNetwork trained) {
        return new EvaluationRow(name, "count", raw.mse(), raw.rmse(), raw.mae(),
                bins10.rmse(), bins10.mae(), bins10.mse(), bins5.rmse(), bins5.mae(), bins5.mse(),
                null, null, null, null, null, null, null, null, null, null,
                trained == null ? null : trained.seconds(), trained == null ? null : trained.epochs(),
                null, null, active, null,
                trained == null ? null : trained.features().window(), trained == null ? null : trained.validationRmse(),
                null, null, null);
    }
}
