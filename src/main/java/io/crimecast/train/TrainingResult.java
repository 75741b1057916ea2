package io.crimecast.train;

import io.crimecast.metrics.EvaluationRow;
import io.crimecast.grid.Grid;
import io.crimecast.model.BundleMetadata;
import io.crimecast.model.CountBaseline;
import io.crimecast.model.GridKey;
import io.crimecast.model.ModelBundle;
import io.crimecast.model.NetworkForecaster;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A network trained for serving (the window candidate validation chose, see {@code windows}), with its validation
 * errors beside the best baseline's on the same days.
 *
 * @param trainFrom      first day of the matrix it was trained on
 * @param trainTo        last training target day (validation follows)
 * @param validationTo   last validation day
 */
public record TrainingResult(TrainedNetwork trained, SettingsSearch search, NetworkForecaster forecaster, CountScore validation,
                             CountBaseline bestBaseline, CountScore baselineValidation, LocalDate trainFrom,
                             LocalDate trainTo, LocalDate validationTo, Instant createdAt) {

    /** The publish rule: lower raw RMSE than the best baseline on the validation days. */
    public boolean beatsBestBaseline() {
        return validation.raw().rmse() < baselineValidation.raw().rmse();
    }

    /** The bundle of this network, for the layer whose counts it learned. */
    public ModelBundle toBundle(Grid grid, String layer) {
        List<EvaluationRow> holdOut = List.of(
                validation.toRow(forecaster.version(), trained),
                baselineValidation.toRow(bestBaseline.version(), null));
        BundleMetadata metadata = new BundleMetadata(GridKey.of(grid), trained.kind(), trained.features().window(), 1,
                trained.features().normalisation().name(), forecaster.bins().edges(), grid.spec().hotspot(),
                trainFrom, validationTo, holdOut, forecaster.version(), createdAt, Map.of(), layer);
        return new ModelBundle(metadata, trained.network().weights());
    }
}
