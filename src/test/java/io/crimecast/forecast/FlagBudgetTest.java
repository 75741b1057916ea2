package io.crimecast.forecast;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The flagged cells: whole cells within the budget, best first, never outside the box. */
class FlagBudgetTest {
    @TempDir
    Path dir;

    /** A wide geographic box far north: its grid (square in metres) overhangs the narrowing box at the top corners. */
    private Grid northernGrid() throws IOException {
        Path region = Files.writeString(dir.resolve("north.yaml"), """
                name: north
                crs: EPSG:4326
                bbox: {minX: -20, minY: 65, maxX: 20, maxY: 70}
                cellSizeMeters: 50000
                timeZone: UTC
                grace: PT6H
                hotspot: {topPercent: 5}
                """);
        return new Grid(Regions.load(region.toString()));
    }

    @Test
    void cellsWhollyOutsideTheBoxAreNeverFlaggedNorCountedInTheStudyArea() throws IOException {
        Grid grid = northernGrid();
        int[] outside = IntStream.range(0, grid.cellCount()).filter(c -> !grid.touchesBox(c)).toArray();
        assertThat(outside).isNotEmpty();
        assertThat(outside).contains(grid.cellCount() - 1); // the top-right corner
        assertThat(grid.touchesBox(grid.locateLatLon(67.5, 0).orElseThrow().id())).isTrue();
        assertThat(outside).as("the box's top edge, a parallel, bows towards the pole at its ends").contains(grid.cellCount() - grid.cols() / 2);

        FlagBudget budget = FlagBudget.of(grid, "10000 km2", null);
        assertThat(budget.cells()).isEqualTo(4);
        assertThat(budget.studyArea().squareKm()).isCloseTo((grid.cellCount() - outside.length) * 2500.0, within(1e-6));
        double[] expected = new double[grid.cellCount()];
        for (int c = 0; c < expected.length; c++) {
            expected[c] = grid.touchesBox(c) ? c % 7 : 1000 + c;
        }
        int[] flagged = budget.flag(expected);
        assertThat(flagged).hasSize(4);
        assertThat(IntStream.of(flagged).allMatch(grid::touchesBox)).isTrue();
        assertThat(IntStream.of(flagged).mapToDouble(c -> expected[c]).toArray()).containsOnly(6.0);
    }

    @Test
    void onlyCellsExpectingSomethingAreFlagged() throws IOException {
        Grid grid = northernGrid();
        double[] expected = new double[grid.cellCount()];
        int a = grid.locateLatLon(67.5, 0).orElseThrow().id();
        int b = grid.locateLatLon(67.5, 5).orElseThrow().id();
        expected[a] = 0.5;
        expected[b] = 2;
        assertThat(FlagBudget.of(grid, "10000 km2", null).flag(expected)).containsExactly(b, a);
    }
}
