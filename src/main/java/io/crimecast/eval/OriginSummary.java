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
        Spread spread = count ? Spread.of("rmse", perOrigin.stream().mapToDouble(EvaluationRow::rmse).toArray())
                : Spread.of("auc", perOrigin.stream().mapToDouble(EvaluationRow::auc).toArray());
        boolean sameAreas = perOrigin.stream().allMatch(r -> Objects.equals(r.flagged(), first.flagged()));
        EvaluationRow.RankingScores ranking = first.ranking() == null ? null : new EvaluationRow.RankingScores(
                mean(perOrigin, r -> r.ranking().auc()), mean(perOrigin, r -> r.ranking().hit1()), mean(perOrigin, r -> r.ranking().hit5()),
                mean(perOrigin, r -> r.ranking().hit10()), mean(perOrigin, r -> r.ranking().pai1()), mean(perOrigin, r -> r.ranking().pai5()),
                mean(perOrigin, r -> r.ranking().pai10()), mean(perOrigin, r -> r.ranking().pei1()), mean(perOrigin, r -> r.ranking().pei5()),
                mean(perOrigin, r -> r.ranking().pei10()));
        EvaluationRow.NetworkFit fit = first.fit() == null ? null : new EvaluationRow.NetworkFit(
                mean(perOrigin, r -> r.fit().trainSeconds()), null, null, null, picks(perOrigin), null);
        return new EvaluationRow(first.name(), first.kind(), EvaluationRow.ALL_ORIGINS, perOrigin.stream().mapToInt(EvaluationRow::testDays).sum(),
                pooled(perOrigin, EvaluationRow::raw), pooled(perOrigin, EvaluationRow::active), pooled(perOrigin, EvaluationRow::bins10),
                pooled(perOrigin, EvaluationRow::bins5), ranking, sameAreas ? first.flagged() : null, fit, spread, null);
    }

    /** On the "selected" row: how often validation picked each network, e.g. "lstm w8 x3, gru w14 x1". */
    private static String picks(List<EvaluationRow> perOrigin) {
        if (perOrigin.get(0).fit().picked() == null) {
            return null;
        }
        Map<String, Long> times = perOrigin.stream().collect(Collectors.groupingBy(r -> r.fit().picked(), TreeMap::new, Collectors.counting()));
        return times.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** Errors pooled over the origins: test-day weighted MSE and MAE, the RMSE the root of the pooled MSE. */
    private static CountMetrics pooled(List<EvaluationRow> rows, Function<EvaluationRow, CountMetrics> errors) {
        if (errors.apply(rows.get(0)) == null) {
            return null;
        }
        double mse = mean(rows, r -> errors.apply(r).mse());
        return new CountMetrics(mse, Math.sqrt(mse), mean(rows, r -> errors.apply(r).mae()));
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
}
