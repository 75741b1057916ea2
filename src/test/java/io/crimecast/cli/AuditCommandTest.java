package io.crimecast.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crimecast.replay.BundledData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AuditCommandTest {
    @TempDir
    Path dir;

    @Test
    void auditsNovember2021TheftsOnTheBundledPhiladelphiaStreetGrid() throws IOException {
        Path data = BundledData.forRegion("philadelphia").copyTo(dir);
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("audit", "--region", "philadelphia-street", "--format", "philadelphia", data.toString(),
                "--category", "Thefts", "--from", "2021-11-01", "--to", "2021-11-30", "--flag-area", "0.25sqmi", "--lookback", "28",
                "--feedback", "0.3", "--discount", "0.5", "--seed", "7", "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("philadelphia-street, Thefts, 2021-11-01..2021-11-30: each day the best 27 cells")
                .contains("concentration  Gini").contains("persistence").contains("wrote " + out.resolve("audit.json"));
        JsonNode report = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
        assertThat(report.get("region").asText()).isEqualTo("philadelphia-street");
        assertThat(report.get("categories").toString()).isEqualTo("[\"Thefts\"]");
        assertThat(report.get("from").asText()).isEqualTo("2021-11-01");
        assertThat(report.get("lookbackDays").asInt()).isEqualTo(28);
        assertThat(report.get("budgetCells").asInt()).isEqualTo(27); // 0.25 sq mi of 500 ft cells
        assertThat(report.get("seed").asLong()).isEqualTo(7);
        JsonNode concentration = report.get("concentration");
        assertThat(concentration.get("gini").asDouble()).isBetween(0.9, 1.0); // 27 of 36,000 cells a day
        assertThat(concentration.get("incidentShare").asDouble()).isBetween(0.0, 1.0);
        assertThat(concentration.get("pai").asDouble())
                .isCloseTo(concentration.get("incidentShare").asDouble() / concentration.get("areaShare").asDouble(), within(1e-9));
        assertThat(report.get("persistence").get("distinctCells").asInt()).isGreaterThanOrEqualTo(27);
        assertThat(report.get("districts")).isEmpty();
        assertThat(report.get("officerInitiated").asLong()).isZero();
        String page = Files.readString(out.resolve("audit.html"));
        assertThat(page).contains("<h2>Concentration</h2>").contains("<h2>Feedback</h2>").doesNotContain("<h2>Districts</h2>")
                .contains("Days each cell was flagged").contains("+30%, weight 0.5");
        JsonNode feedback = report.get("feedback");
        assertThat(feedback).hasSize(2);
        assertThat(feedback.get(0).get("weight").asDouble()).isEqualTo(1.0);
        assertThat(feedback.get(1).get("weight").asDouble()).isEqualTo(0.5);
        for (JsonNode drift : feedback) {
            assertThat(drift.get("rate").asDouble()).isEqualTo(0.3);
            assertThat(drift.get("weeklyJaccard")).hasSize(5); // 30 days: four weeks and two days
            drift.get("weeklyJaccard").forEach(j -> assertThat(j.asDouble()).isBetween(0.0, 1.0));
        }
    }

    /**
     * Three spots 10+ km apart on Philadelphia's 5 km grid, every day: 4 incidents of district A at the first, 2 of B
     * and 1 of A at the second, 1 of C at the third. One cell is flagged a day, always the first spot's.
     */
    @Test
    void eachDistrictsShareOfTheFlagsBesideItsShareOfIncidentsAndCells() throws IOException {
        Path data = sixtyDays("districts.csv", "id,time,lon,lat,district",
                "-75.25,39.88,A", "-75.25,39.88,A", "-75.25,39.88,A", "-75.25,39.88,A",
                "-75.10,40.00,B", "-75.10,40.00,B", "-75.10,40.00,A", "-75.00,40.10,C");
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("audit", "--region", "philadelphia", "--format", "csv", "--id-col", "id", "--time-col", "time",
                "--x-col", "lon", "--y-col", "lat", "--coords", "lonlat", data.toString(), "--district-column", "district",
                "--from", "2021-02-01", "--to", "2021-03-01", "--flag-area", "25km2", "--feedback", "0.5", "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
        JsonNode districts = report.get("districts");
        assertThat(districts).hasSize(3);
        double[][] expected = {{1, 4 / 8.0, 1 / 3.0}, {0, 3 / 8.0, 1 / 3.0}, {0, 1 / 8.0, 1 / 3.0}}; // flagged, incidents, cells
        for (int i = 0; i < 3; i++) {
            JsonNode district = districts.get(i);
            assertThat(district.get("district").asText()).isEqualTo(new String[]{"A", "B", "C"}[i]);
            assertThat(district.get("cells").asInt()).isEqualTo(1);
            assertThat(district.get("flaggedShare").asDouble()).isCloseTo(expected[i][0], within(1e-12));
            assertThat(district.get("incidentShare").asDouble()).isCloseTo(expected[i][1], within(1e-12));
            assertThat(district.get("cellShare").asDouble()).isCloseTo(expected[i][2], within(1e-12));
        }
        assertThat(run.out()).containsPattern("A\\s+1\\s+100.0%\\s+50.0%\\s+33.3%");
        assertThat(report.get("persistence").get("distinctCells").asInt()).isEqualTo(1);
        assertThat(report.get("persistence").get("meanRunDays").asDouble()).isEqualTo(29.0);
        assertThat(report.get("concentration").get("incidentShare").asDouble()).isCloseTo(0.5, within(1e-12));
        report.get("feedback").forEach(drift -> {
            assertThat(drift.get("selfMadeShare").asDouble()).isZero();
            assertThat(drift.get("persistence").get("distinctCells").asInt()).isEqualTo(1);
        });
    }

    /** The same three spots, with two polygon districts splitting the box at longitude -75.15: West holds the first spot. */
    @Test
    void districtPolygonsTakeTheCellsWhoseCentresTheyCover() throws IOException {
        Path data = sixtyDays("spots.csv", "id,time,lon,lat",
                "-75.25,39.88", "-75.25,39.88", "-75.25,39.88", "-75.25,39.88", "-75.10,40.00", "-75.10,40.00", "-75.10,40.00", "-75.00,40.10");
        Path districts = Files.writeString(dir.resolve("districts.geojson"), """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"name": "West"}, "geometry": {"type": "Polygon",
                    "coordinates": [[[-75.5, 39.5], [-75.15, 39.5], [-75.15, 40.5], [-75.5, 40.5], [-75.5, 39.5]]]}},
                  {"type": "Feature", "properties": {"name": "East"}, "geometry": {"type": "MultiPolygon",
                    "coordinates": [[[[-75.15, 39.5], [-74.5, 39.5], [-74.5, 40.5], [-75.15, 40.5], [-75.15, 39.5]]]]}}]}
                """);
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("audit", "--region", "philadelphia", "--format", "csv", "--id-col", "id", "--time-col", "time",
                "--x-col", "lon", "--y-col", "lat", "--coords", "lonlat", data.toString(), "--districts", districts.toString(),
                "--district-property", "name", "--from", "2021-02-01", "--to", "2021-03-01", "--flag-area", "25km2", "--feedback", "0.5",
                "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode shares = new ObjectMapper().readTree(out.resolve("audit.json").toFile()).get("districts");
        assertThat(shares).hasSize(2);
        JsonNode east = shares.get(0);
        JsonNode west = shares.get(1);
        assertThat(east.get("district").asText()).isEqualTo("East");
        assertThat(west.get("flaggedShare").asDouble()).isEqualTo(1.0);
        assertThat(west.get("incidentShare").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(east.get("incidentShare").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(west.get("cells").asInt() + east.get("cells").asInt()).as("every cell of the 7 x 6 grid has its centre in one").isEqualTo(42);
        assertThat(west.get("cellShare").asDouble()).isCloseTo(west.get("cells").asDouble() / 42, within(1e-12));
        assertThat(Files.readString(out.resolve("audit.html"))).contains("<h2>Districts</h2>").contains("<td>West</td>");

        CliRun unnamed = CliRun.of("audit", "--region", "philadelphia", "--format", "csv", "--id-col", "id", "--time-col", "time",
                "--x-col", "lon", "--y-col", "lat", "--coords", "lonlat", data.toString(), "--districts", districts.toString(),
                "--from", "2021-02-01", "--to", "2021-03-01", "--flag-area", "25km2", "--out", out.toString());
        assertThat(unnamed.exit()).isEqualTo(2);
        assertThat(unnamed.err()).contains("feature 0 has no property 'district' to name its district");
    }

    /**
     * Each day 3 reported incidents at one spot and 2 reported + 2 officer-initiated at another, one cell flagged a day:
     * believed, the officer-initiated incidents keep the second spot flagged every day; the correction at weight 0
     * drops them whenever it is flagged, so the first spot takes some days.
     */
    @Test
    void theCorrectionThinsRealOfficerInitiatedIncidentsInFlaggedCells() throws IOException {
        Path data = sixtyDays("origins.csv", "id,time,lon,lat,origin",
                "-75.25,39.88,reported", "-75.25,39.88,reported", "-75.25,39.88,reported",
                "-75.10,40.00,reported", "-75.10,40.00,reported", "-75.10,40.00,officer-initiated", "-75.10,40.00,Officer-Initiated");
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("audit", "--region", "philadelphia", "--format", "csv", "--id-col", "id", "--time-col", "time",
                "--x-col", "lon", "--y-col", "lat", "--coords", "lonlat", "--origin-col", "origin", data.toString(),
                "--from", "2021-02-01", "--to", "2021-03-01", "--flag-area", "25km2", "--lookback", "28", "--feedback", "0",
                "--discount", "0", "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("58 of the period's incidents are officer-initiated");
        JsonNode report = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
        assertThat(report.get("officerInitiated").asLong()).isEqualTo(58); // 29 days x 2
        JsonNode believed = report.get("feedback").get(0);
        JsonNode corrected = report.get("feedback").get(1);
        assertThat(believed.get("weight").asDouble()).isEqualTo(1.0);
        believed.get("weeklyJaccard").forEach(j -> assertThat(j.asDouble()).isEqualTo(1.0));
        assertThat(corrected.get("weight").asDouble()).isZero();
        assertThat(corrected.get("persistence").get("distinctCells").asInt()).isEqualTo(2);
        // the second spot's 28-day sum (112) falls by 2 a flagged day to the first's (84) in the third week
        assertThat(corrected.get("weeklyJaccard").get(1).asDouble()).isEqualTo(1.0);
        assertThat(corrected.get("weeklyJaccard").get(2).asDouble()).isLessThan(1.0);
    }

    @Test
    void aPeriodWithNoDaysBeforeItIsAnErrorNamingTheData() throws IOException {
        Path data = Files.write(dir.resolve("one.csv"), List.of("time,lon,lat", "2021-01-01T10:00:00,-75.25,39.88",
                "2021-01-05T10:00:00,-75.25,39.88"));

        CliRun run = CliRun.of("audit", "--region", "philadelphia", "--format", "csv", "--time-col", "time", "--x-col", "lon",
                "--y-col", "lat", "--coords", "lonlat", data.toString(), "--from", "2021-01-01", "--to", "2021-01-05",
                "--flag-area", "25km2", "--out", dir.resolve("out").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--from 2021-01-01 --to 2021-01-05 must lie within the data after its first day (2021-01-01..2021-01-05)");
    }

    @Test
    void withoutFilesOrTheCountsTopicItSaysWhatToGive() {
        CliRun none = CliRun.of("audit", "--region", "philadelphia", "--from", "2021-01-03", "--to", "2021-01-05");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("give incident FILES with --format, or --counts-topic");

        CliRun both = CliRun.of("audit", "--region", "philadelphia", "--counts-topic", "--category", "Thefts", "--from", "2021-01-03",
                "--to", "2021-01-05");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--counts-topic reads counts, not incidents");
    }

    @Test
    void aDiscountAboveOneIsAnError() throws IOException {
        Path data = Files.write(dir.resolve("two.csv"), List.of("time,lon,lat", "2021-01-01T10:00:00,-75.25,39.88",
                "2021-01-05T10:00:00,-75.25,39.88"));

        CliRun run = CliRun.of("audit", "--region", "philadelphia", "--format", "csv", "--time-col", "time", "--x-col", "lon",
                "--y-col", "lat", "--coords", "lonlat", data.toString(), "--from", "2021-01-03", "--to", "2021-01-05",
                "--flag-area", "25km2", "--feedback", "0.1", "--discount", "1.5", "--out", dir.resolve("out").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--feedback rates must be >= 0 and --discount within 0..1, were 0.1 and 1.5");
    }

    /** {@code name}: 60 days from 2021-01-01, each day one row per spot ("lon,lat[,more columns]") at 10:00. */
    private Path sixtyDays(String name, String header, String... spots) throws IOException {
        List<String> rows = new ArrayList<>(List.of(header));
        for (int d = 0; d < 60; d++) {
            String time = LocalDate.of(2021, 1, 1).plusDays(d) + "T10:00:00";
            for (String spot : spots) {
                rows.add("%d,%s,%s".formatted(rows.size(), time, spot));
            }
        }
        return Files.write(dir.resolve(name), rows);
    }
}
