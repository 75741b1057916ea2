package io.crimecast.grid;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A study-area polygon in the region file limits where hotspots are flagged. */
class StudyAreaTest {
    // 4 x 4 cells of 5 km over central Philadelphia; the polygon covers the western half (lon < -75.15).
    private static final String REGION = """
            name: half
            crs: EPSG:4326
            bbox: {minX: -75.265, minY: 39.88, maxX: -75.03, maxY: 40.06}
            cellSizeMeters: 5000
            timeZone: America/New_York
            hotspot: {topPercent: 25}
            studyArea: %s
            """;
    private static final String WEST = "{type: Polygon, coordinates: [[[-75.3, 39.8], [-75.15, 39.8], [-75.15, 40.1], [-75.3, 40.1], [-75.3, 39.8]]]}";

    @Test
    void cellsWhoseCentreLiesOutsideAreNeverFlagged() {
        Grid grid = new Grid(load(WEST));
        int west = grid.locateLatLon(39.95, -75.25).orElseThrow().id();
        int east = grid.locateLatLon(39.95, -75.05).orElseThrow().id();
        assertThat(grid.inStudyArea(west)).isTrue();
        assertThat(grid.inStudyArea(east)).isFalse();
        assertThat(grid.studyCellCount()).isBetween(1, grid.cellCount() - 1);

        double[] values = new double[grid.cellCount()];
        values[east] = 100;
        values[west] = 1;
        boolean[] flags = grid.flagHotspots(values);
        assertThat(flags[east]).as("the busiest cell lies outside the study area").isFalse();
        assertThat(flags[west]).isTrue();
    }

    @Test
    void aMultiPolygonAndTheDefaultBox() {
        String two = "{type: MultiPolygon, coordinates: [[[[-75.3, 39.8], [-75.2, 39.8], [-75.2, 40.1], [-75.3, 40.1], [-75.3, 39.8]]],"
                + " [[[-75.1, 39.8], [-75.0, 39.8], [-75.0, 40.1], [-75.1, 40.1], [-75.1, 39.8]]]]}";
        Grid grid = new Grid(load(two));
        assertThat(grid.inStudyArea(grid.locateLatLon(39.95, -75.25).orElseThrow().id())).isTrue();
        assertThat(grid.inStudyArea(grid.locateLatLon(39.95, -75.05).orElseThrow().id())).isTrue();

        Grid box = new Grid(Regions.load("philadelphia"));
        assertThat(box.studyCellCount()).as("without a polygon: the cells touching the box").isPositive().isLessThanOrEqualTo(box.cellCount());
    }

    @Test
    void badPolygonsAreRefusedAtLoadWithTheirKey() {
        assertThatThrownBy(() -> load("{type: Point, coordinates: [-75.2, 39.9]}"))
                .hasMessageContaining("studyArea.type: Polygon or MultiPolygon");
        assertThatThrownBy(() -> load("{type: Polygon, coordinates: [[[-75.3, 39.8], [-75.15, 39.8], [-75.15, 40.1], [-75.3, 40.1]]]}"))
                .hasMessageContaining("must end where it starts");
        assertThatThrownBy(() -> load("{type: Polygon, coordinates: [[[39.8, -75.3], [39.8, -75.15], [40.1, -75.15], [39.8, -75.3]]]}"))
                .hasMessageContaining("lies outside the grid").hasMessageContaining("[longitude, latitude]");
        assertThatThrownBy(() -> load("{type: Polygon, coordinates: [[[-75.3, 139.8], [-75.15, 39.8], [-75.15, 40.1], [-75.3, 139.8]]]}"))
                .hasMessageContaining("[longitude, latitude] in degrees");
        assertThatThrownBy(() -> load("{type: Polygon, coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}"))
                .hasMessageContaining("not a valid area");
        assertThatThrownBy(() -> load("{type: Polygon, coordinate: []}"))
                .hasMessageContaining("unknown key 'studyArea.coordinate'");
    }

    private static RegionSpec load(String studyArea) {
        return Regions.parse(REGION.formatted(studyArea).getBytes(StandardCharsets.UTF_8), "test region");
    }
}
