package io.crimecast.cli;

import io.crimecast.model.CellNetwork;
import io.crimecast.model.Normalisation;
import io.crimecast.train.HotspotSettings;
import io.crimecast.train.TrainSettings;
import picocli.CommandLine.Option;

import java.util.List;

/** The training flags `train` and `evaluate` share. */
final class TrainingOptions {
    @Option(names = "--max-epochs", paramLabel = "N",
            description = "Upper bound on each network's epochs (default " + TrainSettings.DEFAULT_MAX_EPOCHS + " for count networks, "
                    + HotspotSettings.DEFAULT_MAX_EPOCHS + " for spatio-lstm, "
                    + CellNetwork.DEFAULT_MAX_EPOCHS + " for cell-mlp; early stopping usually ends sooner)")
    Integer maxEpochs;

    @Option(names = "--windows", split = ",", paramLabel = "DAYS[,DAYS]",
            description = "Input windows each count network is trained with (default 8,14)")
    List<Integer> windows;

    @Option(names = "--hidden", split = ",", paramLabel = "UNITS[,UNITS]", description = "Hidden units to compare (default 64)")
    List<Integer> hidden;

    @Option(names = "--learning-rates", split = ",", paramLabel = "RATE[,RATE]", description = "Adam learning rates to compare (default 0.001)")
    List<Double> learningRates;

    @Option(names = "--batch-sizes", split = ",", paramLabel = "SIZE[,SIZE]", description = "Minibatch sizes to compare (default 64)")
    List<Integer> batchSizes;

    @Option(names = "--patience", split = ",", paramLabel = "EPOCHS[,EPOCHS]",
            description = "Early-stopping patience to compare: epochs without a better validation error before training stops (default 5)")
    List<Integer> patience;

    @Option(names = "--normalisations", split = ",", paramLabel = "NAME[,NAME]",
            description = "How count networks see counts, to compare: ${COMPLETION-CANDIDATES} (default TRAILING_RATIO)")
    List<Normalisation> normalisations;

    /** Every combination of the listed settings is trained; the lowest validation RMSE is kept. Unlisted ones keep their default. */
    TrainSettings countSettings() {
        TrainSettings d = TrainSettings.defaults();
        TrainSettings s = maxEpochs == null ? d : d.withEpochs(maxEpochs, d.patience());
        TrainSettings.SearchSpace space = s.search();
        return s.withSearch(new TrainSettings.SearchSpace(orDefault(windows, space.windows()), orDefault(hidden, space.hidden()),
                orDefault(learningRates, space.learningRates()), orDefault(batchSizes, space.batchSizes()), orDefault(patience, space.patience()),
                orDefault(normalisations, space.normalisations())));
    }

    private static <T> List<T> orDefault(List<T> given, List<T> defaults) {
        return given == null ? defaults : given;
    }

    CellNetwork.Settings cellNetworkSettings() {
        CellNetwork.Settings d = CellNetwork.Settings.defaults();
        return maxEpochs == null ? d : d.withMaxEpochs(maxEpochs);
    }

    HotspotSettings hotspotSettings(HotspotSettings protocol) {
        return maxEpochs == null ? protocol : protocol.withMaxEpochs(maxEpochs);
    }
}
