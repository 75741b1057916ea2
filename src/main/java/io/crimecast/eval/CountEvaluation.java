package io.crimecast.eval;

import io.crimecast.train.CountScore;
import io.crimecast.metrics.EvaluationRow;
import io.crimecast.metrics.CountMetrics;
import io.crimecast.model.CountBaseline;
import io.crimecast.model.ModelKind;
import io.crimecast.train.ChronologicalSplit;
import io.crimecast.train.CountDataset;
import io.crimecast.train.CountMatrix;
import io.crimecast.train.HotspotPopulation;
import io.crimecast.train.TrainSettings;
import io.crimecast.train.TrainedNetwork;
import io.crimecast.train.Trainer;
import io.crimecast.train.TrainingProgress;
import io.crimecast.train.SettingsSearch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Scores the count baselines and the requested networks on one test period. Networks train on the days before it
 * (the last part as validation), one per window candidate; validation alone picks each kind's window and the
 * "selected" network among the kinds, and only then is the test period scored. Bins are fitted on the training
 * days; active cells are those with an incident before the test period; all forecasters score the same days.
 */
public final class CountEvaluation {
    private CountEvaluation() {
    }

    /**
     * A row, its daily MSE over the test days (for the paired comparisons), and for the report the whole grid's
     * predicted and actual count per test day and each cell's RMSE over them.
     */
    public record Scored(EvaluationRow row, double[] dailyMse, double[] predictedPerDay, double[] actualPerDay, double[] cellRmse) {
        Scored withRow(EvaluationRow other) {
            return new Scored(other, dailyMse, predictedPerDay, actualPerDay, cellRmse);
        }
    }

    public static List<Scored> run(CountMatrix all, TestPeriod period, Collection<ModelKind> models, TrainSettings settings,
                                   Consumer<TrainingProgress> progress, Consumer<String> log) {
        ChronologicalSplit split = ChronologicalSplit.of(all, settings.widestFeatures(), period.from(), period.to(), settings.validationShare());
        CountDataset test = split.test();
        if (test.size() == 0) {
            throw new IllegalArgumentException("no test days between " + period.from() + " and " + period.to());
        }
        int[][] trainingDays = split.train().daysThroughLastTarget();
        HotspotPopulation active = HotspotPopulation.active(split.validation().daysThroughLastTarget(), all.cells());
        int[][] truth = test.actual();
        List<Scored> scored = new ArrayList<>();
        for (CountBaseline baseline : CountBaseline.values()) {
            scored.add(score(truth, test.baseline(baseline), trainingDays, active, baseline.version(), null));
        }
        List<TrainedNetwork> chosen = new ArrayList<>();
        for (ModelKind kind : models) {
            if (!kind.countModel()) {
                continue; // the hotspot classifier has its own evaluation
            }
            SettingsSearch search = Trainer.search(kind, split.train(), split.validation(), settings, progress);
            log.accept("%s, test from %s: %s -> %s".formatted(kind.cliName(), period.from(), search.summary(), search.best().settings().label()));
            chosen.add(search.best());
        }
        for (TrainedNetwork network : chosen) {
            scored.add(score(truth, test.predict(network), trainingDays, active, network.kind().cliName(), network));
        }
        if (!chosen.isEmpty()) {
            String pick = SettingsSearch.bestOf(chosen).kind().cliName();
            Scored picked = scored.stream().filter(s -> s.row().name().equals(pick)).findFirst().orElseThrow();
            scored.add(picked.withRow(picked.row().asSelected()));
        }
        return scored.stream().map(s -> s.withRow(s.row().withOrigin(period.from().toString(), test.size()))).toList();
    }

    private static Scored score(int[][] truth, double[][] predicted, int[][] trainingDays, HotspotPopulation active,
                                String name, TrainedNetwork network) {
        int cells = truth.length == 0 ? 0 : truth[0].length;
        double[] predictedPerDay = new double[truth.length];
        double[] actualPerDay = new double[truth.length];
        double[] cellRmse = new double[cells];
        for (int d = 0; d < truth.length; d++) {
            for (int c = 0; c < cells; c++) {
                predictedPerDay[d] += predicted[d][c];
                actualPerDay[d] += truth[d][c];
                cellRmse[c] += (predicted[d][c] - truth[d][c]) * (predicted[d][c] - truth[d][c]) / truth.length;
            }
        }
        for (int c = 0; c < cells; c++) {
            cellRmse[c] = Math.sqrt(cellRmse[c]);
        }
        return new Scored(CountScore.of(truth, predicted, trainingDays, active).toRow(name, network), CountMetrics.dailyMse(truth, predicted),
                predictedPerDay, actualPerDay, cellRmse);
    }
}
