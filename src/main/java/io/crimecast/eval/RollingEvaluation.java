package io.crimecast.eval;

import io.crimecast.metrics.BaselineComparison;
import io.crimecast.metrics.EvaluationRow;
import io.crimecast.model.CountBaseline;
import io.crimecast.model.ModelKind;
import io.crimecast.train.CountMatrix;
import io.crimecast.train.HotspotSettings;
import io.crimecast.train.TrainSettings;
import io.crimecast.train.TrainingProgress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Rolling-origin evaluation: every test period is trained on only the days before it and scored on its own days;
 * each count network is compared with the best baseline by a paired moving-block bootstrap over test days; with
 * more than one origin, summary rows (origin "all") pool the origins. The best baseline is the one with the lowest
 * MSE over all test days: the strongest competitor, a choice that can only make the networks look worse.
 */
public final class RollingEvaluation {
    private static final Set<String> BASELINES = Arrays.stream(CountBaseline.values()).map(CountBaseline::version).collect(Collectors.toSet());

    private RollingEvaluation() {
    }

    /** The rows, and each count model's scores per origin in order (for the report's per-day and per-cell charts). */
    public record Result(List<EvaluationRow> rows, List<List<CountEvaluation.Scored>> perOrigin) {
    }

    /**
     * @param hotspots the hotspot protocol, or null to skip the hotspot classifier and its baselines
     */
    public static Result run(CountMatrix matrix, List<TestPeriod> periods, List<ModelKind> models, TrainSettings settings,
                                          HotspotSettings hotspots, Consumer<TrainingProgress> progress, Consumer<String> log) {
        List<List<CountEvaluation.Scored>> counts = new ArrayList<>();
        List<EvaluationRow> hotspotRows = new ArrayList<>();
        for (TestPeriod period : periods) {
            log.accept("origin %s: test %s..%s, training on the days before".formatted(period.from(), period.from(), period.to()));
            counts.add(CountEvaluation.run(matrix, period, models, settings, progress, log));
            if (hotspots != null) {
                HotspotEvaluation.run(matrix, period.from(), period.to(), hotspots, log)
                        .forEach(r -> hotspotRows.add(r.withOrigin(period.from().toString(), period.days())));
            }
        }
        String baseline = bestBaseline(counts);
        List<EvaluationRow> rows = new ArrayList<>();
        for (List<CountEvaluation.Scored> origin : counts) {
            CountEvaluation.Scored base = find(origin, baseline);
            for (CountEvaluation.Scored s : origin) {
                rows.add(isBaseline(s) ? s.row() : s.row().withVersus(compare(List.of(s), List.of(base), baseline)));
            }
        }
        rows.addAll(hotspotRows);
        if (periods.size() > 1) {
            rows.addAll(summaries(counts, hotspotRows, baseline));
        }
        return new Result(rows, counts);
    }

    private static List<EvaluationRow> summaries(List<List<CountEvaluation.Scored>> counts, List<EvaluationRow> hotspotRows, String baseline) {
        List<EvaluationRow> out = new ArrayList<>();
        for (CountEvaluation.Scored first : counts.get(0)) {
            List<CountEvaluation.Scored> perOrigin = counts.stream().map(o -> find(o, first.row().name())).toList();
            EvaluationRow summary = OriginSummary.of(perOrigin.stream().map(CountEvaluation.Scored::row).toList());
            out.add(isBaseline(first) ? summary
                    : summary.withVersus(compare(perOrigin, counts.stream().map(o -> find(o, baseline)).toList(), baseline)));
        }
        Map<String, List<EvaluationRow>> byName = hotspotRows.stream()
                .collect(Collectors.groupingBy(EvaluationRow::name, LinkedHashMap::new, Collectors.toList()));
        byName.values().forEach(rows -> out.add(OriginSummary.of(rows)));
        return out;
    }

    /** The paired interval over the origins' test days strung together, and the share of origins won. */
    static BaselineComparison compare(List<CountEvaluation.Scored> model, List<CountEvaluation.Scored> base, String baseline) {
        List<Double> differences = new ArrayList<>();
        int wins = 0;
        for (int o = 0; o < model.size(); o++) {
            double[] m = model.get(o).dailyMse();
            double[] b = base.get(o).dailyMse();
            for (int d = 0; d < m.length; d++) {
                differences.add(m[d] - b[d]);
            }
            wins += model.get(o).row().mse() < base.get(o).row().mse() ? 1 : 0;
        }
        MovingBlockBootstrap.Interval interval = MovingBlockBootstrap.WEEKLY.meanInterval(differences.stream().mapToDouble(Double::doubleValue).toArray());
        return new BaselineComparison(baseline, interval.mean(), interval.low(), interval.high(), (double) wins / model.size(), model.size());
    }

    private static String bestBaseline(List<List<CountEvaluation.Scored>> counts) {
        return Arrays.stream(CountBaseline.values()).map(CountBaseline::version)
                .min(Comparator.comparingDouble(name -> counts.stream().map(o -> find(o, name))
                        .flatMapToDouble(s -> Arrays.stream(s.dailyMse())).average().orElseThrow()))
                .orElseThrow();
    }

    private static boolean isBaseline(CountEvaluation.Scored s) {
        return BASELINES.contains(s.row().name());
    }

    private static CountEvaluation.Scored find(List<CountEvaluation.Scored> origin, String name) {
        return origin.stream().filter(s -> s.row().name().equals(name)).findFirst().orElseThrow();
    }
}
