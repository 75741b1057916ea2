package io.crimecast.cli;

import io.crimecast.forecast.CellNetwork;
import io.crimecast.train.HotspotSettings;
import io.crimecast.train.TrainSettings;
import picocli.CommandLine.Option;

import java.util.List;

/** The training flags `train` and `evaluate` share. */
final class TrainingOptions {
    @Option(names = "--max-epochs", paramLabel = "N",
            description = "Upper bound on each network's epochs (default " + TrainSettings.DEFAULT_MAX_EPOCHS + " for count networks, "
                    + HotspotSettings.DEFAULT_MAX_EPOCHS + " for spatio-lstm, "
                    + CellNetwork.DEFAULT_MAX_EPOCHS + " for evaluate --protocol nij's cell-mlp; early stopping usually ends sooner)")
    Integer maxEpochs;

    @Option(names = "--windows", split = ",", paramLabel = "DAYS[,DAYS]",
            description = "Input windows each count network is trained with; the one with the lowest validation RMSE is kept (default 8,14)")
    List<Integer> windows;

    TrainSettings countSettings() {
        TrainSettings d = TrainSettings.defaults();
        TrainSettings s = maxEpochs == null ? d : d.withEpochs(maxEpochs, d.patience());
        return windows == null ? s : s.withWindowCandidates(windows);
    }

    CellNetwork.Settings cellNetworkSettings() {
        CellNetwork.Settings d = CellNetwork.Settings.defaults();
        return maxEpochs == null ? d : d.withMaxEpochs(maxEpochs);
    }

    HotspotSettings hotspotSettings(HotspotSettings protocol) {
        return maxEpochs == null ? protocol : protocol.withMaxEpochs(maxEpochs);
    }
}
