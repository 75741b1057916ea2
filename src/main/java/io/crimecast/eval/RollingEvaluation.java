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
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Rolling-origin evaluation: every test period is trained on only the days before it and scored on its own days;
 * each count network (by MSE) and the hotspot network (by AUC) is compared with the best baseline of its kind by a
 * paired moving-block bootstrap over test days; with more than one origin, summary rows (origin "all") pool the
 * origins. The best baseline is the one with the lowest MSE (highest AUC) over all test days: the strongest
 * competitor, a choice that can only make the networks look worse.
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
        List<HotspotOrigin> hotspotOrigins = new ArrayList<>();
        for (TestPeriod period : periods) {
            log.accept("origin %s: test %s..%s, training on the days before".formatted(period.from(), period.from(), period.to()));
            counts.add(CountEvaluation.run(matrix, period, models, settings, progress, log));
            if (hotspots != null) {
                HotspotEvaluation.Comparison c = HotspotEvaluation.compare(matrix, period.from(), period.to(), hotspots, log);
                // the rows and tallies only: the trained network is not kept across origins
                hotspotOrigins.add(new HotspotOrigin(c.baselines().stream().map(b -> b.withOrigin(period.from().toString(), period.days())).toList(),
                        c.network().withOrigin(period.from().toString(), period.days())));
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
        if (hotspots != null) {
            rows.addAll(hotspotRows(hotspotOrigins, hotspots.stepDays()));
        }
        if (periods.size() > 1) {
            rows.addAll(summaries(counts, baseline));
            if (hotspots != null) {
                rows.addAll(hotspotSummaries(hotspotOrigins, hotspots.stepDays()));
            }
        }
        return new Result(rows, counts);
    }

    private static List<EvaluationRow> summaries(List<List<CountEvaluation.Scored>> counts, String baseline) {
        List<EvaluationRow> out = new ArrayList<>();
        for (CountEvaluation.Scored first : counts.get(0)) {
            List<CountEvaluation.Scored> perOrigin = counts.stream().map(o -> find(o, first.row().name())).toList();
            EvaluationRow summary = OriginSummary.of(perOrigin.stream().map(CountEvaluation.Scored::row).toList());
            out.add(isBaseline(first) ? summary
                    : summary.withVersus(compare(perOrigin, counts.stream().map(o -> find(o, baseline)).toList(), baseline)));
        }
        return out;
    }

    /** Each origin's hotspot rows, the network's compared with the baseline of the highest AUC over every origin. */
    private static List<EvaluationRow> hotspotRows(List<HotspotOrigin> origins, int stepDays) {
        List<EvaluationRow> rows = new ArrayList<>();
        for (HotspotOrigin origin : origins) {
            HotspotEvaluation.Scored base = bestHotspotBaseline(origins, origin);
            origin.baselines().forEach(b -> rows.add(b.row()));
            rows.add(origin.network().row().withVersus(compareHotspots(List.of(origin.network()), List.of(base), stepDays)));
        }
        return rows;
    }

    private static List<EvaluationRow> hotspotSummaries(List<HotspotOrigin> origins, int stepDays) {
        List<EvaluationRow> out = new ArrayList<>();
        for (HotspotEvaluation.Scored first : origins.get(0).baselines()) {
            out.add(OriginSummary.of(origins.stream().map(o -> findHotspot(o, first.row().name()).row()).toList()));
        }
        List<HotspotEvaluation.Scored> network = origins.stream().map(HotspotOrigin::network).toList();
        List<HotspotEvaluation.Scored> base = origins.stream().map(o -> bestHotspotBaseline(origins, o)).toList();
        out.add(OriginSummary.of(network.stream().map(HotspotEvaluation.Scored::row).toList()).withVersus(compareHotspots(network, base, stepDays)));
        return out;
    }

    /** One origin's hotspot baselines and network. */
    private record HotspotOrigin(List<HotspotEvaluation.Scored> baselines, HotspotEvaluation.Scored network) {
    }

    /** One origin's paired figures: model minus baseline for any reweighting of its test steps, and its test days. */
    record PairedOrigin(int steps, int testDays, ToDoubleFunction<int[]> difference) {
    }

    /** The counts' paired interval of the MSE difference over the origins' test days strung together, and the share of origins won. */
    static BaselineComparison compare(List<CountEvaluation.Scored> model, List<CountEvaluation.Scored> base, String baseline) {
        List<PairedOrigin> origins = new ArrayList<>();
        for (int o = 0; o < model.size(); o++) {
            double[] m = model.get(o).dailyMse();
            double[] b = base.get(o).dailyMse();
            origins.add(new PairedOrigin(m.length, m.length, times -> {
                double sum = 0;
                int drawn = 0;
                for (int d = 0; d < m.length; d++) {
                    sum += times[d] * (m[d] - b[d]);
                    drawn += times[d];
                }
                return sum / drawn;
            }));
        }
        return paired(BaselineComparison.Metric.MSE, baseline, origins, MovingBlockBootstrap.WEEKLY);
    }

    /**
     * The hotspot network's paired interval of the AUC difference over the origins' test steps of {@code stepDays}
     * days (blocks of a week's worth of steps, at least one), and the share of origins won.
     */
    static BaselineComparison compareHotspots(List<HotspotEvaluation.Scored> model, List<HotspotEvaluation.Scored> base, int stepDays) {
        List<PairedOrigin> origins = new ArrayList<>();
        for (int o = 0; o < model.size(); o++) {
            HotspotTally m = model.get(o).tally();
            HotspotTally b = base.get(o).tally();
            origins.add(new PairedOrigin(m.steps(), model.get(o).row().testDays(), times -> m.auc(times) - b.auc(times)));
        }
        return paired(BaselineComparison.Metric.AUC, base.get(0).row().name(), origins, MovingBlockBootstrap.WEEKLY.forStepsOf(stepDays));
    }

    /**
     * One moving-block bootstrap over every origin's test steps strung together: each resample's figure is the
     * origins' differences on their resampled steps, weighted like the summary rows (by test days, scaled by the
     * share of the origin's steps the resample drew), so the figure at the data itself is the summary's difference.
     */
    private static BaselineComparison paired(BaselineComparison.Metric metric, String baseline, List<PairedOrigin> origins,
                                             MovingBlockBootstrap bootstrap) {
        int steps = origins.stream().mapToInt(PairedOrigin::steps).sum();
        MovingBlockBootstrap.Interval interval = bootstrap.interval(steps, times -> {
            double weighted = 0;
            double weights = 0;
            int at = 0;
            for (PairedOrigin o : origins) {
                int[] own = Arrays.copyOfRange(times, at, at + o.steps());
                at += o.steps();
                int drawn = Arrays.stream(own).sum();
                if (drawn > 0) {
                    double weight = (double) o.testDays() * drawn / o.steps();
                    weighted += weight * o.difference().applyAsDouble(own);
                    weights += weight;
                }
            }
            return weighted / weights;
        });
        long wins = origins.stream().filter(o -> {
            int[] all = new int[o.steps()];
            Arrays.fill(all, 1);
            return metric.better(o.difference().applyAsDouble(all));
        }).count();
        return new BaselineComparison(baseline, metric, interval.mean(), interval.low(), interval.high(), (double) wins / origins.size(), origins.size());
    }

    /** The hotspot baseline with the highest AUC over every origin (test-day weighted), in {@code origin}. */
    private static HotspotEvaluation.Scored bestHotspotBaseline(List<HotspotOrigin> origins, HotspotOrigin origin) {
        String best = origins.get(0).baselines().stream().map(b -> b.row().name())
                .max(Comparator.comparingDouble(name -> origins.stream().mapToDouble(o -> findHotspot(o, name).row().auc() * findHotspot(o, name).row().testDays()).sum()))
                .orElseThrow();
        return findHotspot(origin, best);
    }

    private static HotspotEvaluation.Scored findHotspot(HotspotOrigin origin, String name) {
        return origin.baselines().stream().filter(b -> b.row().name().equals(name)).findFirst().orElseThrow();
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
