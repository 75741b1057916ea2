package io.crimecast.model;

import io.crimecast.metrics.EvaluationRow;
import io.crimecast.grid.Grid;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Carries a Spatio-LSTM in a {@link ModelBundle}: the weights are its ModelSerializer bytes; {@code window} is
 * steps x stepDays days; the steps and the population size travel in {@code extra}. {@link BundleLoaders} loads it.
 */
public final class SpatioBundle {
    static final String STEPS = "steps";
    static final String POPULATION_SIZE = "populationSize";
    /** Names the input scaling of {@link SpatioFeatures}, so a future change of features is detectable. */
    static final String NORMALISATION = "log1p-relative-to-population-mean";

    private SpatioBundle() {
    }

    public static ModelBundle of(SpatioLstmForecaster forecaster, Grid grid, String layer, LocalDate trainFrom, LocalDate trainTo,
                                 List<EvaluationRow> holdOut, Instant createdAt) {
        SpatioLstm.Spec spec = forecaster.model().spec();
        BundleMetadata metadata = new BundleMetadata(GridKey.of(grid), ModelKind.SPATIO_LSTM, forecaster.historyDays(),
                spec.stepDays(), NORMALISATION, forecaster.bins().edges(), grid.spec().hotspot(), trainFrom, trainTo,
                holdOut, forecaster.version(), createdAt, Map.of(STEPS, spec.steps(), POPULATION_SIZE, spec.populationSize()), layer);
        return new ModelBundle(metadata, forecaster.model().weights());
    }

    static Forecaster load(ModelBundle bundle, Grid grid) {
        BundleMetadata m = bundle.metadata();
        if (!NORMALISATION.equals(m.normalisation())) {
            throw new IllegalArgumentException("unknown Spatio-LSTM input scaling '" + m.normalisation() + "'");
        }
        SpatioLstm.Spec spec = new SpatioLstm.Spec(m.stepDays(), intExtra(m, STEPS), intExtra(m, POPULATION_SIZE));
        return new SpatioLstmForecaster(SpatioLstm.restore(spec, bundle.weights()), m.bins());
    }

    private static int intExtra(BundleMetadata m, String key) {
        if (!(m.extra().get(key) instanceof Number n)) {
            throw new IllegalArgumentException("the bundle's extra lacks '" + key + "'");
        }
        return n.intValue();
    }
}
