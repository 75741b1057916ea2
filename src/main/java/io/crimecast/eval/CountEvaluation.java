package io.crimecast.eval;

import io.crimecast.model.CountBaseline;
import io.crimecast.model.ModelKind;
import io.crimecast.train.ChronologicalSplit;
import io.crimecast.train.CountDataset;
import io.crimecast.train.CountMatrix;
import io.crimecast.train.TrainSettings;
import io.crimecast.train.TrainedNetwork;
import io.crimecast.train.Trainer;
import io.crimecast.train.TrainingProgress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Scores the count baselines and the requested networks on the days testFrom..testTo. Networks train on the days
 * before testFrom (the last part as validation); bins are fitted on the training days; all forecasters are scored
 * on the same target days.
 */
public final class CountEvaluation {
    private CountEvaluation() {
    }

    public static List<EvaluationRow> run(CountMatrix all, LocalDate testFrom, LocalDate testToInclusive,
                                          Set<ModelKind> models, TrainSettings settings,
                                          Consumer<TrainingProgress> progress) {
        ChronologicalSplit split = ChronologicalSplit.of(all, settings.features(), testFrom, testToInclusive, settings.validationShare());
        CountDataset test = split.test();
        if (test.size() == 0) {
            throw new IllegalArgumentException("no test days between " + testFrom + " and " + testToInclusive);
        }
        int[][] trainingDays = split.train().daysThroughLastTarget();
        int[][] truth = test.actual();
        List<EvaluationRow> rows = new ArrayList<>();
        for (CountBaseline baseline : CountBaseline.values()) {
            rows.add(CountScore.of(truth, test.baseline(baseline), trainingDays).toRow(baseline.version(), null, null));
        }
        for (ModelKind kind : models) {
            if (!kind.countModel()) {
                continue; // the hotspot classifier has its own evaluation
            }
            TrainedNetwork trained = Trainer.fit(kind, split.train(), split.validation(), settings, progress);
            rows.add(CountScore.of(truth, test.predict(trained.network()), trainingDays)
                    .toRow(kind.cliName(), trained.seconds(), trained.epochs()));
        }
        return rows;
    }
}
