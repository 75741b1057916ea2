package io.crimecast.grid;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** The Portland police districts shipped for `audit --districts`, on the NIJ region's 600 ft grid. */
class DistrictsTest {
    @Test
    void portlandsSixtyDistrictsCoverItsStudyArea() {
        Districts districts = Districts.read(Path.of("examples/districts/portland-police-districts.geojson"), "district");
        Grid grid = new Grid(Regions.load("examples/regions/portland-nij.yaml"));

        String[] owner = districts.ofCells(grid);

        assertThat(districts.names()).hasSize(60).doesNotHaveDuplicates().contains("510", "520");
        long study = 0;
        long studyInADistrict = 0;
        for (int c = 0; c < owner.length; c++) {
            if (grid.inStudyArea(c)) {
                study++;
                studyInADistrict += owner[c] == null ? 0 : 1;
            }
        }
        assertThat(studyInADistrict).as("study cells in a district").isGreaterThan(study * 95 / 100);
        assertThat(Arrays.stream(owner).filter(Objects::nonNull).distinct().count()).isEqualTo(60);
    }
}
