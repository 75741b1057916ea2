package io.crimecast.train;

import io.crimecast.metrics.CountMetrics;
import io.crimecast.model.CountBaseline;
import io.crimecast.model.CountNetwork;
import io.crimecast.model.EarlyStopping;
import io.crimecast.metrics.EqualWidthBins;
import io.crimecast.model.ModelKind;
import io.crimecast.model.MovingAverageForecaster;
import io.crimecast.model.NetworkForecaster;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/** Trains count networks: one loop for every kind, early stopping on the validation error in counts. */
public final class Trainer {
    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Trainer() {
    }

    /**
     * Trains {@code kind} on every day of {@code matrix}, the last {@code validationShare} as validation, once per
     * window candidate; keeps the window with the lowest validation RMSE and scores it there beside the best
     * baseline (the CLI publishes only a network that beats it).
     */
    public static TrainingResult train(ModelKind kind, CountMatrix matrix, TrainSettings settings, Consumer<TrainingProgress> progress) {
        ChronologicalSplit split = ChronologicalSplit.forTraining(matrix, settings.widestFeatures(), settings.validationShare());
        SettingsSearch search = search(kind, split.train(), split.validation(), settings, progress);
        TrainedNetwork trained = search.best();
        int[][] trainingDays = split.train().daysThroughLastTarget();
        int[][] truth = split.validation().actual();
        HotspotPopulation active = HotspotPopulation.active(trainingDays, matrix.cells());
        CountScore score = CountScore.of(truth, split.validation().predict(trained), trainingDays, active);
        CountBaseline best = Arrays.stream(CountBaseline.values())
                .min(Comparator.comparingDouble(b -> CountMetrics.of(truth, split.validation().baseline(b)).rmse()))
                .orElseThrow();
        CountScore baselineScore = CountScore.of(truth, split.validation().baseline(best), trainingDays, active);
        Instant createdAt = Instant.now();
        String version = kind.cliName() + "-" + matrix.grid().region() + "-" + VERSION_TIME.format(createdAt);
        EqualWidthBins bins = EqualWidthBins.fit(trainingDays, MovingAverageForecaster.DEFAULT_BINS);
        return new TrainingResult(trained, search, new NetworkForecaster(version, trained.features(), trained.network(), bins),
                score, best, baselineScore, matrix.firstDay(), split.train().lastTargetDate(),
                split.validation().lastTargetDate(), createdAt);
    }

    /** One network per candidate setting on the same training and validation days. */
    public static SettingsSearch search(ModelKind kind, CountDataset train, CountDataset validation, TrainSettings settings,
                                        Consumer<TrainingProgress> progress) {
        return new SettingsSearch(settings.candidates().stream()
                .map(candidate -> fit(kind, train, validation, candidate, progress)).toList());
    }

    /** Minibatches of the shuffled training days under {@link EarlyStopping}, on the validation MSE in counts. */
    public static TrainedNetwork fit(ModelKind kind, CountDataset trainDays, CountDataset validationDays, TrainSettings s,
                                     Consumer<TrainingProgress> progress) {
        CountDataset train = trainDays.withFeatures(s.features());
        CountDataset validation = validationDays.withFeatures(s.features());
        CountNetwork network = CountNetworks.create(kind, train.matrix().cells(), s);
        int[][] validationTruth = validation.actual();
        EarlyStopping.Trainable trainable = new EarlyStopping.Trainable() {
            @Override
            public void fitEpoch(int[] order) {
                List<DataSet> batches = new ArrayList<>();
                for (int from = 0; from < order.length; from += s.batchSize()) {
                    int[] batch = Arrays.copyOfRange(order, from, Math.min(order.length, from + s.batchSize()));
                    batches.add(new DataSet(train.inputs(batch), train.labels(batch)));
                }
                network.fitEpoch(batches);
            }

            @Override
            public double validationLoss() {
                return CountMetrics.of(validationTruth, validation.predict(network)).mse();
            }

            @Override
            public INDArray parameters() {
                return network.parameters();
            }

            @Override
            public void setParameters(INDArray parameters) {
                network.setParameters(parameters);
            }
        };
        int[][] trainingTruth = train.actual();
        EarlyStopping.Outcome outcome = EarlyStopping.train(trainable, train.all().length, new EarlyStopping.Limits(s.maxEpochs(), s.patience(), s.seed()),
                // the training error in counts too, so the two curves compare directly (one extra forward pass per epoch)
                e -> progress.accept(new TrainingProgress(kind, s.window(), e.epoch(), e.maxEpochs(),
                        CountMetrics.of(trainingTruth, train.predict(network)).mse(), e.validationLoss(), e.best(), e.elapsed(), e.remainingAtMost())));
        return new TrainedNetwork(kind, s, network, outcome.epochs(), outcome.bestEpoch(), outcome.bestLoss(), outcome.seconds());
    }
}
