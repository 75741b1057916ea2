package io.crimecast.grid;

/** A grid cell: its row-major id, counted from the bounding box's minimum corner. */
public record Cell(int id, int row, int col) {
}
