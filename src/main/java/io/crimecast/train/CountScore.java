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
        return EvaluationRow.count(name, raw, active, bins10, bins5, trained == null ? null
                : new EvaluationRow.NetworkFit(trained.seconds(), trained.epochs(), trained.features().window(), trained.validationRmse(), null,
                        trained.settings().label()));
    }
}
