package io.crimecast.eval;

import io.crimecast.metrics.Spread;
import io.crimecast.metrics.EvaluationRow;
import io.crimecast.metrics.CountMetrics;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One forecaster's rows from every origin pooled into a summary row (origin "all"): each figure is the mean over
 * origins weighted by their test days, which for MSE and MAE is the figure over all their test days pooled; every
 * RMSE is the root of its pooled MSE. The spread is that of the per-origin RMSE (AUC for hotspot kinds).
 */
final class OriginSummary {
    private OriginSummary() {
    }

    static EvaluationRow of(List<EvaluationRow> perOrigin) {
        EvaluationRow first = perOrigin.get(0);
        boolean count = first.kind().equals("count");
        Double mse = mean(perOrigin, EvaluationRow::mse);
        Double mseBins10 = mean(perOrigin, EvaluationRow::mseBins10);
        Double mseBins5 = mean(perOrigin, EvaluationRow::mseBins5);
        CountMetrics active = first.active() == null ? null : pooled(mean(perOrigin, r -> r.active().mse()), mean(perOrigin, r -> r.active().mae()));
        Spread spread = count ? Spread.of("rmse", perOrigin.stream().mapToDouble(EvaluationRow::rmse).toArray())
                : Spread.of("auc", perOrigin.stream().mapToDouble(EvaluationRow::auc).toArray());
        boolean sameAreas = perOrigin.stream().allMatch(r -> Objects.equals(r.flagged(), first.flagged()));
        return new EvaluationRow(first.name(), first.kind(), mse, Math.sqrt(mse), mean(perOrigin, EvaluationRow::mae),
                root(mseBins10), mean(perOrigin, EvaluationRow::maeBins10), mseBins10,
                root(mseBins5), mean(perOrigin, EvaluationRow::maeBins5), mseBins5,
                mean(perOrigin, EvaluationRow::auc), mean(perOrigin, EvaluationRow::hit1), mean(perOrigin, EvaluationRow::hit5),
                mean(perOrigin, EvaluationRow::hit10), mean(perOrigin, EvaluationRow::pai1), mean(perOrigin, EvaluationRow::pai5),
                mean(perOrigin, EvaluationRow::pai10), mean(perOrigin, EvaluationRow::pei1), mean(perOrigin, EvaluationRow::pei5),
                mean(perOrigin, EvaluationRow::pei10), mean(perOrigin, EvaluationRow::trainSeconds), null,
                EvaluationRow.ALL_ORIGINS, perOrigin.stream().mapToInt(EvaluationRow::testDays).sum(), active,
                sameAreas ? first.flagged() : null, null, null, picks(perOrigin), spread, null);
    }

    /** On the "selected" row: how often validation picked each network, e.g. "lstm w8 x3, gru w14 x1". */
    private static String picks(List<EvaluationRow> perOrigin) {
        if (perOrigin.get(0).picked() == null) {
            return null;
        }
        Map<String, Long> times = perOrigin.stream().collect(Collectors.groupingBy(EvaluationRow::picked, TreeMap::new, Collectors.counting()));
        return times.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static CountMetrics pooled(double mse, double mae) {
        return new CountMetrics(mse, Math.sqrt(mse), mae);
    }

    /** The test-day weighted mean, or null when the figure is not set. */
    private static Double mean(List<EvaluationRow> rows, Function<EvaluationRow, ? extends Number> figure) {
        if (figure.apply(rows.get(0)) == null) {
            return null;
        }
        double sum = 0;
        long days = 0;
        for (EvaluationRow r : rows) {
            sum += figure.apply(r).doubleValue() * r.testDays();
            days += r.testDays();
        }
        return sum / days;
    }

    private static Double root(Double mse) {
        return mse == null ? null : Math.sqrt(mse);
    }
}
