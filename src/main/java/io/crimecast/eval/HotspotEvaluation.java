package io.crimecast.eval;

import io.crimecast.metrics.EvaluationRow;
import io.crimecast.grid.Grid;
import io.crimecast.grid.HotspotRule;
import io.crimecast.model.HotspotScorer;
import io.crimecast.model.HotspotScores;
import io.crimecast.model.KdeRanking;
import io.crimecast.model.RankingByTrailingCount;
import io.crimecast.train.CountMatrix;
import io.crimecast.train.HotspotPopulation;
import io.crimecast.train.HotspotSettings;
import io.crimecast.train.HotspotSteps;
import io.crimecast.train.SpatioLstmTrainer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The hotspot comparison on a chronological hold-out: the trailing-count and kernel-density rankings, then the
 * Spatio-LSTM trained on the steps before {@code testFrom}. Steps are aligned to start on
 * {@code testFrom}; every whole step up to {@code testToInclusive} is a test target. Hotspot labels, AUC and the
 * policing measures are over the population of {@link HotspotSettings#activeCellsOnly()}.
 */
public final class HotspotEvaluation {
    private static final List<Integer> LONG_LOOKBACK_DAYS = List.of(365, 730);

    private HotspotEvaluation() {
    }

    /** A ranking's row and its tally (for the paired interval over test steps). */
    public record Scored(EvaluationRow row, HotspotTally tally) {
        Scored withOrigin(String firstTestDay, int days) {
            return new Scored(row.withOrigin(firstTestDay, days), tally);
        }
    }

    /** The baselines (trailing count, KDE), the Spatio-LSTM, and the network trained for them. */
    public record Comparison(List<Scored> baselines, Scored network, SpatioLstmTrainer.Result trained) {
        public List<Scored> scored() {
            List<Scored> all = new ArrayList<>(baselines);
            all.add(network);
            return all;
        }

        public List<EvaluationRow> rows() {
            return scored().stream().map(Scored::row).toList();
        }

        /** The baseline with the highest AUC: the one the network must beat. */
        public EvaluationRow bestBaseline() {
            return baselines.stream().map(Scored::row).max(Comparator.comparingDouble(EvaluationRow::auc)).orElseThrow();
        }

        /** True when the network's AUC beats every baseline's. */
        public boolean networkWins() {
            return network.row().auc() > bestBaseline().auc();
        }
    }

    public static List<EvaluationRow> run(CountMatrix all, LocalDate testFrom, LocalDate testToInclusive,
                                          HotspotSettings settings, Consumer<String> progress) {
        return compare(all, testFrom, testToInclusive, settings, progress).rows();
    }

    public static Comparison compare(CountMatrix all, LocalDate testFrom, LocalDate testToInclusive,
                                     HotspotSettings settings, Consumer<String> progress) {
        Grid grid = all.grid();
        HotspotSteps steps = HotspotSteps.of(all, testFrom, testToInclusive, settings.stepDays());
        int testStart = steps.indexOf(testFrom);
        if (testStart >= steps.size()) {
            throw new IllegalArgumentException("no whole %d-day step between %s and %s".formatted(settings.stepDays(), testFrom, testToInclusive));
        }
        if (testStart < settings.contextSteps()) {
            throw new IllegalArgumentException("the Spatio-LSTM reads %d steps of %d days before %s, the data has %d (a shorter --hotspot-context-steps reads fewer)"
                    .formatted(settings.contextSteps(), settings.stepDays(), testFrom, testStart));
        }
        HotspotPopulation population = settings.activeCellsOnly()
                ? HotspotPopulation.active(Arrays.copyOf(steps.counts(), testStart), grid.cellCount())
                : HotspotPopulation.all(grid.cellCount());
        progress.accept("%s; %d steps of %d days from %s, test steps %d..%d; population %d of %d cells; rule: %s"
                .formatted(grid, steps.size(), settings.stepDays(), steps.firstDay(), testStart, steps.size() - 1,
                        population.size(), grid.cellCount(), grid.spec().hotspot()));

        // baselines first: they take seconds, the network minutes
        List<Scored> baselines = new ArrayList<>();
        for (HotspotScorer baseline : baselines(settings, testStart)) {
            HotspotTally tally = evaluate(baseline, grid, steps, testStart, population, progress);
            baselines.add(new Scored(tally.row(baseline.name(), null, null, null), tally));
        }
        SpatioLstmTrainer.Result trained = SpatioLstmTrainer.train(grid, steps.counts(), testStart, population, settings, progress);
        HotspotTally tally = evaluate(trained.model(), grid, steps, testStart, population, progress);
        return new Comparison(baselines, new Scored(tally.row(trained.model().name(), trained.seconds(), trained.epochsRun(), trained.model().spec().describe()), tally), trained);
    }

    /**
     * The trailing counts over the network's steps, and over about a year and two years when that much history comes
     * before the first test step (at 600 ft the two-year count ranked better than the network's six months), then the
     * kernel density over the network's steps.
     */
    static List<HotspotScorer> baselines(HotspotSettings settings, int stepsBeforeTest) {
        List<HotspotScorer> rankings = new ArrayList<>();
        rankings.add(new RankingByTrailingCount(settings.steps()));
        for (int days : LONG_LOOKBACK_DAYS) {
            int steps = (int) Math.max(1, Math.round((double) days / settings.stepDays()));
            if (steps > settings.steps() && steps <= stepsBeforeTest) {
                rankings.add(new RankingByTrailingCount(steps));
            }
        }
        rankings.add(new KdeRanking(settings.steps(), settings.kdeBandwidthCells()));
        return rankings;
    }

    static HotspotTally evaluate(HotspotScorer scorer, Grid grid, HotspotSteps steps, int testStart,
                                 HotspotPopulation population, Consumer<String> progress) {
        HotspotRule rule = grid.spec().hotspot();
        HotspotTally tally = new HotspotTally();
        for (int t = testStart; t < steps.size(); t++) {
            if (t < scorer.steps()) {
                throw new IllegalArgumentException(scorer.name() + " needs " + scorer.steps() + " steps before the first test step, there are " + t);
            }
            HotspotScores scores = scorer.score(grid, Arrays.copyOfRange(steps.counts(), t - scorer.steps(), t));
            int[] actual = steps.counts()[t];
            tally.add(population.pick(scores.score()), population.hotspots(rule, actual), population.pick(actual),
                    population.pick(scores.expectedCount()));
        }
        progress.accept("%s: AUC %.4f, %s %.2f, %s %.2f, hit@5%% %.3f, PEI@5%% %.3f".formatted(scorer.name(), tally.auc(),
                tally.flagged().get(0).label(), tally.pai(0), tally.flagged().get(1).label(), tally.pai(1), tally.hitRate(1), tally.pei(1)));
        return tally;
    }
}
