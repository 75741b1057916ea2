package io.crimecast.cli;

import io.crimecast.model.CellNetwork;
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

    /** Every combination of --windows, --hidden and --learning-rates is trained; the lowest validation RMSE is kept. */
    TrainSettings countSettings() {
        TrainSettings d = TrainSettings.defaults();
        TrainSettings s = maxEpochs == null ? d : d.withEpochs(maxEpochs, d.patience());
        TrainSettings.SearchSpace space = s.search();
        return s.withSearch(new TrainSettings.SearchSpace(windows == null ? space.windows() : windows,
                hidden == null ? space.hidden() : hidden, learningRates == null ? space.learningRates() : learningRates));
    }

    CellNetwork.Settings cellNetworkSettings() {
        CellNetwork.Settings d = CellNetwork.Settings.defaults();
        return maxEpochs == null ? d : d.withMaxEpochs(maxEpochs);
    }

    HotspotSettings hotspotSettings(HotspotSettings protocol) {
        return maxEpochs == null ? protocol : protocol.withMaxEpochs(maxEpochs);
    }
}
