package io.crimecast.train;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;

import java.time.LocalDate;

/** Small synthetic count matrices on the Philadelphia grid, shared by the train and model tests. */
public final class TestMatrices {
    public static final Grid GRID = new Grid(Regions.load("philadelphia"));
    public static final LocalDate START = LocalDate.of(2020, 1, 1); // a Wednesday

    private TestMatrices() {
    }

    /** A deterministic, varied pattern of counts between 0 and 10. */
    public static CountMatrix matrix(int days) {
        int[][] counts = new int[days][GRID.cellCount()];
        for (int d = 0; d < days; d++) {
            for (int c = 0; c < GRID.cellCount(); c++) {
                counts[d][c] = (d * 7 + c * 3) % 11;
            }
        }
        return new CountMatrix(GRID, START, counts);
    }
}
