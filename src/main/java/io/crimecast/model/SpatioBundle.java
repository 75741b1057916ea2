package io.crimecast.model;

import io.crimecast.metrics.EvaluationRow;
import io.crimecast.grid.Grid;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Carries a Spatio-LSTM in a {@link ModelBundle}: the weights are its ModelSerializer bytes; {@code window} is
 * contextSteps x stepDays days; the steps, the context and the population size travel in {@code extra}. {@link BundleLoaders} loads it.
 */
public final class SpatioBundle {
    static final String STEPS = "steps";
    /** Absent in bundles from before the levels: those read a context of their sequence alone. */
    static final String CONTEXT_STEPS = "contextSteps";
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
                holdOut, forecaster.version(), createdAt, Map.of(STEPS, spec.steps(), CONTEXT_STEPS, spec.contextSteps(), POPULATION_SIZE, spec.populationSize()), layer);
        return new ModelBundle(metadata, forecaster.model().weights());
    }

    static Forecaster load(ModelBundle bundle, Grid grid) {
        BundleMetadata m = bundle.metadata();
        if (!NORMALISATION.equals(m.normalisation())) {
            throw new IllegalArgumentException("unknown Spatio-LSTM input scaling '" + m.normalisation() + "'");
        }
        int steps = intExtra(m, STEPS);
        int context = m.extra().containsKey(CONTEXT_STEPS) ? intExtra(m, CONTEXT_STEPS) : steps;
        SpatioLstm.Spec spec = new SpatioLstm.Spec(m.stepDays(), steps, context, intExtra(m, POPULATION_SIZE));
        return new SpatioLstmForecaster(SpatioLstm.restore(spec, bundle.weights()), m.bins());
    }

    private static int intExtra(BundleMetadata m, String key) {
        if (!(m.extra().get(key) instanceof Number n)) {
            throw new IllegalArgumentException("the bundle's extra lacks '" + key + "'");
        }
        return n.intValue();
    }
}
