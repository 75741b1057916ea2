package io.crimecast.grid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Map-ready geometry (cell centres and corners in WGS84) and flagged-area budgets. */
class GridGeometryTest {

    @ParameterizedTest
    @ValueSource(strings = {"philadelphia", "portland", "examples/regions/portland-600ft.yaml"})
    void aCellsCentreLiesInTheCellAndItsCornersSpanOneCellSize(String region) {
        Grid grid = new Grid(Regions.load(region));
        for (int id : new int[]{0, grid.cellCount() / 2, grid.cellCount() - 1}) {
            double[] centre = grid.centreLatLon(id);
            if (id < grid.cellCount() - 1) { // the last cell reaches past the box, and its centre may too
                assertThat(grid.locateLatLon(centre[0], centre[1])).as("cell %d of %s", id, region)
                        .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(id));
            }
            double[][] ring = grid.cornersLonLat(id);
            assertThat(ring).hasDimensions(5, 2);
            assertThat(ring[4]).containsExactly(ring[0]);
            double size = grid.spec().cellSizeMeters();
            assertThat(metres(ring[0], ring[1])).as("bottom edge").isCloseTo(size, within(size * 0.01));
            assertThat(metres(ring[1], ring[2])).as("right edge").isCloseTo(size, within(size * 0.01));
            assertThat(ring[2][0]).as("east of the minimum corner").isGreaterThan(ring[0][0]);
            assertThat(ring[2][1]).as("north of the minimum corner").isGreaterThan(ring[0][1]);
        }
    }

    @Test
    void theNijBudgetOfAQuarterSquareMileIsNineteenCellsOf600Feet() {
        Grid grid = new Grid(Regions.load("examples/regions/portland-600ft.yaml"));
        HotspotRule rule = HotspotRule.area("0.25 sq mi").forCellArea(grid.cellArea().squareMetres());
        assertThat(rule.cells()).isEqualTo(19); // 19 x 600 ft x 600 ft = 0.245 sq mi; a 20th would exceed the budget
        assertThat(rule.cells() * grid.cellArea().squareMiles()).isLessThanOrEqualTo(0.25);
        assertThat((rule.cells() + 1) * grid.cellArea().squareMiles()).isGreaterThan(0.25);
        double[] values = new double[grid.cellCount()];
        for (int i = 0; i < 30; i++) {
            values[i * 7] = 30 - i;
        }
        boolean[] flags = rule.flag(values);
        int flagged = 0;
        for (boolean f : flags) {
            flagged += f ? 1 : 0;
        }
        assertThat(flagged).isEqualTo(19);
        assertThat(flags[0]).isTrue();
        assertThat(flags[19 * 7]).as("the 20th best cell would exceed the budget").isFalse();
    }

    @ParameterizedTest
    @CsvSource({"0.25 sq mi,647497.0", "0.25sqmi,647497.0", "1 km²,1000000", "1 km2,1000000", "500 m²,500", "10000 sq ft,929.0304",
            "160 acres,647497.0", "2 ha,20000", "0.75 mi2,1942491.1"})
    void areasAreReadInTheUnitsPeopleWrite(String text, double squareMetres) {
        assertThat(Area.parse(text).squareMetres()).isCloseTo(squareMetres, within(squareMetres * 1e-6 + 0.1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.25", "quarter sq mi", "0.25 sq yards", "-1 km2", "0 m2", ""})
    void unreadableAreasAreAClearError(String text) {
        assertThatThrownBy(() -> Area.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("area");
    }

    @Test
    void aBudgetSmallerThanOneCellIsRefusedAtLoad() {
        assertThatThrownBy(() -> new RegionSpec("tiny", null, new BoundingBox(-75.2, 39.9, -75.1, 40.0), 5000, java.time.ZoneId.of("UTC"),
                null, HotspotRule.area("1 acre"), null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("smaller than one cell");
    }

    /** Great-circle distance between two lon/lat points. */
    private static double metres(double[] a, double[] b) {
        double lat1 = Math.toRadians(a[1]), lat2 = Math.toRadians(b[1]);
        double dLat = lat2 - lat1, dLon = Math.toRadians(b[0] - a[0]);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
    }
}
