package io.crimecast.train;

import io.crimecast.metrics.CountMetrics;
import io.crimecast.model.CountFeatures;
import io.crimecast.model.ModelKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.crimecast.train.TestMatrices.matrix;
import static org.assertj.core.api.Assertions.assertThat;

class TrainerTest {
    static final TrainSettings TINY = TrainSettings.defaults().withHidden(8).withBatchSize(32).withEpochs(3, 2);

    @Test
    void reportsEveryEpochAndScoresBesideTheBestBaseline() {
        List<TrainingProgress> seen = new ArrayList<>();
        TrainingResult result = Trainer.train(ModelKind.LSTM, matrix(120), TINY, seen::add);

        // every epoch of every window candidate, each candidate starting at epoch 1
        assertThat(seen).isNotEmpty().hasSize(result.search().candidates().stream().mapToInt(TrainedNetwork::epochs).sum());
        assertThat(seen.get(0).epoch()).isEqualTo(1);
        assertThat(seen.get(0).best()).isTrue();
        assertThat(seen).allSatisfy(p -> assertThat(p.validationMse()).isFinite().isPositive());
        assertThat(result.trained().bestEpoch()).isBetween(1, result.trained().epochs());
        assertThat(result.validation().raw().rmse()).isFinite();
        assertThat(result.baselineValidation().raw().rmse())
                .isEqualTo(minimumBaselineRmse(result));
        assertThat(result.forecaster().historyDays()).isEqualTo(CountFeatures.LEVEL_DAYS);
        assertThat(result.forecaster().version()).startsWith("lstm-philadelphia-");
    }

    @Test
    void keepsTheWindowWithTheLowestValidationErrorAndShipsIt() {
        TrainingResult result = Trainer.train(ModelKind.RNN, matrix(120), TINY.withEpochs(2, 2), p -> { });

        assertThat(result.search().candidates()).extracting(c -> c.features().window()).containsExactly(8, 14);
        double lowest = result.search().candidates().stream().mapToDouble(TrainedNetwork::validationMse).min().orElseThrow();
        assertThat(result.trained().validationMse()).isEqualTo(lowest);
        assertThat(result.validation().raw().mse()).isCloseTo(lowest, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(result.forecaster().features().window()).isEqualTo(result.trained().features().window());
        assertThat(result.toBundle(TestMatrices.GRID, "all").metadata().window()).isEqualTo(result.trained().features().window());
    }

    @Test
    void searchesEveryCombinationOfWindowHiddenUnitsAndLearningRateOnValidation() {
        TrainSettings grid = TINY.withEpochs(1, 1).withSearch(new TrainSettings.SearchSpace(List.of(8), List.of(4, 8), List.of(1e-3, 1e-2), 32, 1, io.crimecast.model.Normalisation.TRAILING_RATIO));
        TrainingResult result = Trainer.train(ModelKind.RNN, matrix(120), grid, p -> { });

        assertThat(result.search().candidates()).extracting(c -> c.settings().label())
                .containsExactly("w8 4u lr0.001", "w8 4u lr0.01", "w8 8u lr0.001", "w8 8u lr0.01");
        TrainedNetwork best = result.search().candidates().stream().min(java.util.Comparator.comparingDouble(TrainedNetwork::validationMse)).orElseThrow();
        assertThat(result.trained()).isSameAs(best);
        assertThat(result.trained().network().parameters().length()).as("the chosen size is the one shipped")
                .isEqualTo(best.settings().hidden() == 4 ? result.search().candidates().get(0).network().parameters().length()
                        : result.search().candidates().get(2).network().parameters().length());
    }

    @Test
    void searchesBatchSizePatienceAndNormalisationLikeTheOtherSettings() {
        TrainSettings.SearchSpace space = new TrainSettings.SearchSpace(List.of(8), List.of(4), List.of(1e-3), List.of(16, 32), List.of(1, 2),
                List.of(io.crimecast.model.Normalisation.TRAILING_RATIO, io.crimecast.model.Normalisation.TRAILING_RESIDUAL));
        TrainingResult result = Trainer.train(ModelKind.RNN, matrix(120), TINY.withEpochs(3, 1).withSearch(space), p -> { });

        // 2 x 2 x 2 combinations, each trained with its own batch size, patience and normalisation
        assertThat(result.search().candidates()).extracting(c -> c.settings().label()).containsExactly(
                "w8 4u lr0.001 b16 p1 TRAILING_RATIO", "w8 4u lr0.001 b16 p1 TRAILING_RESIDUAL",
                "w8 4u lr0.001 b16 p2 TRAILING_RATIO", "w8 4u lr0.001 b16 p2 TRAILING_RESIDUAL",
                "w8 4u lr0.001 b32 p1 TRAILING_RATIO", "w8 4u lr0.001 b32 p1 TRAILING_RESIDUAL",
                "w8 4u lr0.001 b32 p2 TRAILING_RATIO", "w8 4u lr0.001 b32 p2 TRAILING_RESIDUAL");
        assertThat(result.search().candidates()).extracting(c -> c.features().normalisation()).containsOnly(space.normalisations().toArray(new io.crimecast.model.Normalisation[0]));
        // patience 1 stops after the first epoch without a better validation error, patience 2 after the second
        result.search().candidates().forEach(c -> assertThat(c.epochs()).isEqualTo(Math.min(3, c.bestEpoch() + c.settings().patience())));
        TrainedNetwork lowest = result.search().candidates().stream().min(java.util.Comparator.comparingDouble(TrainedNetwork::validationMse)).orElseThrow();
        assertThat(result.trained()).isSameAs(lowest);
        assertThat(result.toBundle(TestMatrices.GRID, "all").metadata().normalisation()).as("the chosen normalisation is the one shipped")
                .isEqualTo(lowest.features().normalisation().name());
    }

    @Test
    void restoresTheBestEpochsParameters() {
        List<Double> mses = new ArrayList<>();
        ChronologicalSplit split = ChronologicalSplit.forTraining(matrix(120), TINY.features(), TINY.validationShare());
        TrainedNetwork trained = Trainer.fit(ModelKind.RNN, split.train(), split.validation(), TINY.withEpochs(4, 4), p -> mses.add(p.validationMse()));

        double restored = io.crimecast.metrics.CountMetrics.of(split.validation().actual(), split.validation().predict(trained.network())).mse();
        assertThat(restored).isCloseTo(mses.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                org.assertj.core.api.Assertions.within(1e-3));
    }

    @Test
    void sameSeedSameNetwork() {
        ChronologicalSplit split = ChronologicalSplit.forTraining(matrix(100), TINY.features(), TINY.validationShare());
        double[][] a = split.validation().predict(Trainer.fit(ModelKind.CNN_LSTM, split.train(), split.validation(), TINY.withEpochs(1, 1), p -> { }).network());
        double[][] b = split.validation().predict(Trainer.fit(ModelKind.CNN_LSTM, split.train(), split.validation(), TINY.withEpochs(1, 1), p -> { }).network());
        assertThat(a).isDeepEqualTo(b);
    }

    private static double minimumBaselineRmse(TrainingResult result) {
        ChronologicalSplit split = ChronologicalSplit.forTraining(matrix(120), TINY.features(), TINY.validationShare());
        return java.util.Arrays.stream(io.crimecast.model.CountBaseline.values())
                .mapToDouble(b -> io.crimecast.metrics.CountMetrics.of(split.validation().actual(), split.validation().baseline(b)).rmse())
                .min().orElseThrow();
    }
}
