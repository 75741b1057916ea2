package io.crimecast.model;

import io.crimecast.grid.Grid;

/** Turns a verified bundle of one {@link ModelKind} into a forecaster; registered in {@link BundleLoaders}. */
@FunctionalInterface
public interface BundleLoader {
    /** Any exception means the weights would not load; the bundle reports it as "load-failed". */
    Forecaster load(ModelBundle bundle, Grid grid) throws Exception;
}
