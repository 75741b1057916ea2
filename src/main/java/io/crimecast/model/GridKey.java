package io.crimecast.model;

import io.crimecast.grid.Grid;

/** What must match between the grid a model was trained on and the grid it serves. */
public record GridKey(String region, int rows, int cols, double cellSizeMeters, String crs) {
    public static GridKey of(Grid grid) {
        return new GridKey(grid.region(), grid.rows(), grid.cols(), grid.spec().cellSizeMeters(), grid.spec().crs());
    }
}
