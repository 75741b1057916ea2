package io.crimecast.grid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GridTest {

    @Test
    void philadelphiaIsThePapersFortyTwoCells() {
        Grid grid = new Grid(Regions.load("philadelphia"));
        // 27.7 km wide, 30.1 km tall at 5 km: 6 columns, 7 rows
        assertThat(grid.cols()).isEqualTo(6);
        assertThat(grid.rows()).isEqualTo(7);
        assertThat(grid.cellCount()).isEqualTo(42);
    }

    @Test
    void cellsAreRowMajorFromTheMinimumCorner() {
        Grid grid = new Grid(Regions.load("philadelphia"));
        assertThat(grid.locateLatLon(39.8671, -75.2802)).get().isEqualTo(new Cell(0, 0, 0));
        assertThat(grid.locateLatLon(39.8671, -74.9558)).get().isEqualTo(new Cell(5, 0, 5));
        assertThat(grid.locateLatLon(40.1378, -75.2802)).get().isEqualTo(new Cell(36, 6, 0));
        assertThat(grid.locateLatLon(40.1378, -74.9558)).get().isEqualTo(new Cell(41, 6, 5));
        // 5 km north of the south-west corner is the next row
        assertThat(grid.locateLatLon(39.8670 + 5.01 / 111.0, -75.2802)).get().extracting(Cell::row).isEqualTo(1);
        assertThat(grid.locateLatLon(39.8670 + 4.95 / 111.0, -75.2802)).get().extracting(Cell::row).isEqualTo(0);
    }

    @Test
    void pointsOutsideTheBoxHaveNoCell() {
        Grid grid = new Grid(Regions.load("philadelphia"));
        assertThat(grid.locateLatLon(40.7128, -74.0060)).isEmpty();
        assertThat(grid.locateLatLon(39.86, -75.2)).isEmpty();
    }

    @Test
    void portlandIsGriddedInStatePlaneFeet() {
        Grid grid = new Grid(Regions.load("portland"));
        // 122,000 x 106,000 ft = 37.2 x 32.3 km: 8 x 7 cells of 5 km (16,404 ft)
        assertThat(grid.cols()).isEqualTo(8);
        assertThat(grid.rows()).isEqualTo(7);
        assertThat(grid.locateXY(7595000 + 16404 * 2 + 10, 647000 + 16404 + 10)).get().isEqualTo(new Cell(10, 1, 2));
        assertThat(grid.locateXY(7595000 + 16404 * 2 - 10, 647000 + 10)).get().isEqualTo(new Cell(1, 0, 1));
        // Pioneer Courthouse Square by lat/lon, converted to EPSG:2913 feet by proj4j
        assertThat(grid.locateLatLon(45.5189, -122.6793)).isPresent();
        assertThat(grid.locateLatLon(45.5189, -122.6793).get())
                .isEqualTo(grid.locateXY(7644000, 683600).orElseThrow());
    }

    @Test
    void neighbourhoodIsNineCellsWithMinusOneOffTheGrid() {
        Grid grid = new Grid(Regions.load("philadelphia"));
        assertThat(grid.neighbourhood(0)).containsExactly(-1, -1, -1, -1, 0, 1, -1, 6, 7);
        assertThat(grid.neighbourhood(14)).containsExactly(7, 8, 9, 13, 14, 15, 19, 20, 21);
        assertThat(grid.neighbourhood(41)).containsExactly(34, 35, -1, 40, 41, -1, -1, -1, -1);
    }

    @Test
    void regionFileByPathWithAProj4StringAndMinCountRule(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("springfield.yaml");
        Files.writeString(file, """
                name: springfield
                crs: "+proj=utm +zone=18 +datum=WGS84 +units=m +no_defs"
                bbox: {minX: 480000, minY: 4400000, maxX: 490000, maxY: 4405000}
                cellSizeMeters: 1000
                timeZone: America/New_York
                grace: PT2H
                hotspot: {minCount: 3}
                """, StandardCharsets.UTF_8);
        RegionSpec spec = Regions.load(file.toString());
        Grid grid = new Grid(spec);
        assertThat(grid.cols()).isEqualTo(10);
        assertThat(grid.rows()).isEqualTo(5);
        assertThat(spec.hotspot().flag(new double[]{2.9, 3, 7})).containsExactly(false, true, true);
        assertThat(spec.retention()).isEqualTo(RegionSpec.DEFAULT_RETENTION);
    }

    @Test
    void anUnknownRegionNameIsAClearError() {
        assertThatThrownBy(() -> Regions.load("atlantis")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither a bundled region");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "cellSize: 500                               | cellSize",
            "cellSizeMeters: 0                           | cellSizeMeters: required and positive",
            "hotspot: {topPercent: 5, minCount: 2}       | exactly one of topPercent, minCount or area",
            "hotspot: {topPercent: 500}                  | hotspot.topPercent must be in (0, 100]",
            "bbox: {minX: 2, minY: 0, maxX: 1, maxY: 1}  | min must be below max",
            "timeZone: Mars/Olympus                      | Mars/Olympus",
            "grace: -PT1H                                | grace must not be negative",
            "grace: 6h                                   | grace in ",
            "grace: 6h                                   | '6h' is not an ISO-8601 duration; write one such as PT6H",
            "timeZone: CST                               | timeZone in ",
            "timeZone: CST                               | 'CST' is not an IANA time zone; use one such as America/Chicago",
            "earliest: yesterday                         | write YYYY-MM-DD",
            "hotspot: {topPercent: 5, minCont: 3}        | unknown key 'hotspot.minCont'",
            "hotspot: {topPercent: 5, minCont: 3}        | (did you mean 'hotspot.minCount'?)",
            "maxCells: 0                                 | maxCells must be at least 1",
    })
    void badRegionFilesGiveClearErrors(String override, String message, @TempDir Path dir) throws Exception {
        String key = override.substring(0, override.indexOf(':'));
        StringBuilder yaml = new StringBuilder();
        for (String line : List.of("name: x", "bbox: {minX: 0, minY: 0, maxX: 1, maxY: 1}", "cellSizeMeters: 500", "timeZone: UTC",
                "hotspot: {topPercent: 5}")) {
            yaml.append(line.startsWith(key + ":") ? override : line).append('\n');
        }
        if (!yaml.toString().contains(override)) {
            yaml.append(override).append('\n');
        }
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, yaml);
        assertThatThrownBy(() -> Regions.load(file.toString())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    /** A region file of the given lines; the minimal valid one where none are given. */
    private static Path regionFile(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("region.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void aMisspeltRequiredKeyIsNamedWithTheRightOne(@TempDir Path dir) throws Exception {
        Path file = regionFile(dir, "name: x\nbbox: {minX: 0, minY: 0, maxX: 1, maxY: 1}\ncellSizeMeter: 500\ntimeZone: UTC\nhotspot: {topPercent: 5}\n");
        assertThatThrownBy(() -> Regions.load(file.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown key 'cellSizeMeter' in " + file + " line 3 (did you mean 'cellSizeMeters'?)");
    }

    @Test
    void anUnknownOptionalKeyIsOneLineWithItsLine(@TempDir Path dir) throws Exception {
        Path file = regionFile(dir, "name: x\nbbox: {minX: 0, minY: 0, maxX: 1, maxY: 1}\ncellSizeMeters: 500\ntimeZone: UTC\nhotspot: {topPercent: 5}\nretension: P60D\n");
        assertThatThrownBy(() -> Regions.load(file.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown key 'retension' in " + file + " line 6 (did you mean 'retention'?)");
    }

    @Test
    void unknownProjUnitsAreRefusedWithTheValidOnes(@TempDir Path dir) throws Exception {
        // Missouri East State Plane; proj4j alone would read us-feet as metres
        Path file = regionFile(dir, """
                name: stlouis
                crs: "+proj=tmerc +lat_0=35.8333333333333 +lon_0=-90.5 +k=0.999933333 +x_0=250000 +y_0=0 +datum=NAD83 +units=us-feet +no_defs"
                bbox: {minX: 880000, minY: 980000, maxX: 925000, maxY: 1045000}
                cellSizeMeters: 500
                timeZone: America/Chicago
                hotspot: {topPercent: 5}
                """);
        assertThatThrownBy(() -> Regions.load(file.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("crs: unknown units 'us-feet'").hasMessageContaining("us-ft (U.S. feet)").hasMessageContaining("m (metres)");
        Files.writeString(file, Files.readString(file).replace("us-feet", "us-ft"));
        Grid grid = new Grid(Regions.load(file.toString()));
        // 45,000 x 65,000 US ft = 13.7 x 19.8 km: 28 x 40 cells of 500 m
        assertThat(grid.cols()).isEqualTo(28);
        assertThat(grid.rows()).isEqualTo(40);
        assertThat(grid.boxInLonLat().minX()).isBetween(-90.4, -90.0);
        assertThat(grid.boxInLonLat().minY()).isBetween(38.4, 38.8);
    }

    @Test
    void aLonLatBoxUnderAProjectedCrsIsRefused(@TempDir Path dir) throws Exception {
        Path file = regionFile(dir, "name: x\ncrs: EPSG:2913\nbbox: {minX: -122.84, minY: 45.43, maxX: -122.47, maxY: 45.65}\n"
                + "cellSizeMeters: 500\ntimeZone: America/Los_Angeles\nhotspot: {topPercent: 5}\n");
        assertThatThrownBy(() -> Regions.load(file.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bbox: {minX: -122.84, minY: 45.43, maxX: -122.47, maxY: 45.65} looks like longitude/latitude, but crs EPSG:2913 is projected (in feet)")
                .hasMessageContaining("{minX: 7");
    }

    @Test
    void projectedNumbersUnderWgs84AreRefused(@TempDir Path dir) throws Exception {
        Path file = regionFile(dir, "name: x\ncrs: EPSG:4326\nbbox: {minX: 7595000, minY: 647000, maxX: 7717000, maxY: 753000}\n"
                + "cellSizeMeters: 500\ntimeZone: America/Los_Angeles\nhotspot: {topPercent: 5}\n");
        assertThatThrownBy(() -> Regions.load(file.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not longitude/latitude, but crs EPSG:4326 is in degrees");
    }

    @ParameterizedTest(name = "{0} m cells")
    @CsvSource(delimiter = '|', value = {"1.7 | 17,702 rows x 16,337 cols = 289,197,574 cells", "0.001 | 30,091,924 rows x 27,772,556 cols"})
    void aGridOverTheCellLimitSaysHowToRaiseIt(String cellSize, String size, @TempDir Path dir) throws Exception {
        Path file = regionFile(dir, "name: x\nbbox: {minX: -75.2803, minY: 39.8670, maxX: -74.9557, maxY: 40.1379}\ncellSizeMeters: "
                + cellSize + "\ntimeZone: America/New_York\nhotspot: {topPercent: 5}\n");
        // 0.001 m cells: rows x cols overflows an int, which would wrap to a plausible count
        assertThatThrownBy(() -> Regions.load(file.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grid: " + size).hasMessageContaining("over the limit of 2,000,000 cells")
                .hasMessageContaining("raise maxCells in the region file");
    }

    @Test
    void maxCellsRaisesTheLimit(@TempDir Path dir) throws Exception {
        String yaml = "name: x\nbbox: {minX: -75.2803, minY: 39.8670, maxX: -74.9557, maxY: 40.1379}\ncellSizeMeters: 18\n"
                + "timeZone: America/New_York\nhotspot: {topPercent: 5}\n";
        Path file = regionFile(dir, yaml);
        assertThatThrownBy(() -> Regions.load(file.toString())).hasMessageContaining("over the limit");
        Files.writeString(file, yaml + "maxCells: 3000000\n");
        assertThat(new Grid(Regions.load(file.toString())).cellCount()).isBetween(2_000_000, 3_000_000);
    }

    @Test
    void anUnknownCrsIsAClearError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("crs.yaml");
        Files.writeString(file, """
                name: x
                crs: EPSG:999999
                bbox: {minX: 0, minY: 0, maxX: 1, maxY: 1}
                cellSizeMeters: 500
                timeZone: UTC
                hotspot: {topPercent: 5}
                """);
        assertThatThrownBy(() -> new Grid(Regions.load(file.toString()))).hasMessageContaining("crs: cannot understand");
    }

    @Test
    void topPercentFlagsTheTopCellsWithTiesToTheLowerId() {
        HotspotRule rule = HotspotRule.topPercent(10);
        double[] values = {5, 9, 9, 0, 1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        // 10% of 20 cells = 2: the two 9s
        assertThat(rule.flag(values)).containsExactly(false, true, true, false, false, false, false, false, false, false,
                false, false, false, false, false, false, false, false, false, false);
        assertThat(rule.topCount(42)).isEqualTo(5);
        assertThat(HotspotRule.topPercent(5).topCount(42)).isEqualTo(3);
    }
}
