package io.crimecast.cli;

import io.crimecast.grid.PortlandRegionFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.replay.BundledData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** `forecast` on real Portland calls (bundled), on a 1 km grid of Portland's box so each run takes seconds. */
class ForecastCommandTest {
    private static final String START = "2016-03-01";

    @TempDir
    Path dir;
    Path region;
    Path data;

    @BeforeEach
    void files() throws IOException {
        region = PortlandRegionFile.write(dir, 1000);
        data = BundledData.forRegion("portland").copyTo(dir);
    }

    private CliRun forecast(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("forecast", "--region", region.toString(), "--format", "portland-nij",
                "--start", START, "--flag-area", "5 km2", "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void writesOneValidGeoJsonFeatureCollectionPerHorizonWithTheBudgetFlagged() throws IOException {
        Path out = dir.resolve("out");
        CliRun run = forecast(out, data.toString(), "--days", "7,31", "--category", "burglary", "--category", "Street Crimes");
        assertThat(run.exit()).isZero();
        int cells = new Grid(Regions.load(region.toString())).cellCount();
        for (int days : new int[]{7, 31}) {
            JsonNode map = new ObjectMapper().readTree(out.resolve("forecast-" + days + "d.geojson").toFile());
            assertThat(map.get("type").asText()).isEqualTo("FeatureCollection");
            assertThat(map.get("region").asText()).isEqualTo("portland");
            assertThat(map.get("categories").toString()).isEqualTo("[\"burglary\",\"Street Crimes\"]");
            assertThat(map.get("periodStart").asText()).isEqualTo(START);
            assertThat(map.get("periodEnd").asText()).isEqualTo(days == 7 ? "2016-03-07" : "2016-03-31");
            assertThat(map.get("horizonDays").asInt()).isEqualTo(days);
            assertThat(map.get("flaggedCells").asInt()).isEqualTo(5); // 5 km² of 1 km cells
            assertThat(map.get("flaggedArea").get("km2").asDouble()).isEqualTo(5.0);
            assertThat(map.get("flaggedArea").get("sqmi").asDouble()).isBetween(1.93, 1.94);
            JsonNode features = map.get("features");
            assertThat(features).hasSize(cells);
            List<Integer> ranks = new ArrayList<>();
            for (int i = 0; i < features.size(); i++) {
                JsonNode f = features.get(i);
                assertThat(f.get("type").asText()).isEqualTo("Feature");
                assertThat(f.get("geometry").get("type").asText()).isEqualTo("Polygon");
                JsonNode ring = f.get("geometry").get("coordinates").get(0);
                assertThat(ring).hasSize(5);
                assertThat(ring.get(0)).isEqualTo(ring.get(4));
                ring.forEach(p -> {
                    assertThat(p.get(0).asDouble()).isBetween(-123.0, -122.0); // Portland, and lon first
                    assertThat(p.get(1).asDouble()).isBetween(45.0, 46.0);
                });
                JsonNode props = f.get("properties");
                assertThat(props.get("cell").asInt()).isEqualTo(i);
                assertThat(props.get("expected").asDouble()).isNotNegative();
                assertThat(props.get("model").asText()).isEqualTo(map.get("model").asText());
                assertThat(props.has("rank")).isEqualTo(props.get("hotspot").asBoolean());
                if (props.has("rank")) {
                    ranks.add(props.get("rank").asInt());
                }
            }
            assertThat(ranks).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        }
        assertThat(run.out()).contains("flagged 5 cells, 5.000 km²").containsPattern("\\n\\s+1 +\\d+ +[0-9.]+  45\\.\\d{6}, -122\\.\\d{6}");
    }

    @Test
    void validationPicksACandidateAndSaysWhichAndHowEachDid() throws IOException {
        CliRun run = forecast(dir.resolve("out"), data.toString(), "--days", "14");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("validation PAI on the 14-day periods from 2016-02-16, 2016-02-02, 2016-01-19")
                .contains("trailing-28d", "trailing-91d", "trailing-365d", "trailing-all", "kde-365d-bw1", "kde-365d-bw2");
        String chosen = run.out().lines().filter(l -> l.endsWith("<- chosen")).findFirst().orElseThrow().trim().split("\\s+")[0];
        assertThat(run.out()).contains("model " + chosen + ";");
        JsonNode map = new ObjectMapper().readTree(dir.resolve("out/forecast-14d.geojson").toFile());
        assertThat(map.get("model").asText()).isEqualTo(chosen);
    }

    @Test
    void modelCellMlpTrainsThePerCellNetworkOnTheDaysBeforeTheStart() throws IOException {
        CliRun run = forecast(dir.resolve("out"), data.toString(), "--days", "7,31", "--model", "cell-mlp", "--score");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).doesNotContain("validation").contains("model cell-mlp;").containsPattern("scored: .*PAI [0-9.]+");
        JsonNode map = new ObjectMapper().readTree(dir.resolve("out/forecast-31d.geojson").toFile());
        assertThat(map.get("model").asText()).isEqualTo("cell-mlp");
        assertThat(map.get("flaggedCells").asInt()).isEqualTo(5);
    }

    @Test
    void modelForcesOneWithoutValidation() throws IOException {
        CliRun run = forecast(dir.resolve("out"), data.toString(), "--days", "7", "--model", "KDE-365d-bw2", "--score");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).doesNotContain("validation").contains("model kde-365d-bw2;")
                .containsPattern("scored: \\d+ of \\d+ incidents in the flagged cells \\(best possible \\d+\\): PAI [0-9.]+, PEI\\* [0-9.]+");
        JsonNode map = new ObjectMapper().readTree(dir.resolve("out/forecast-7d.geojson").toFile());
        map.get("features").forEach(f -> assertThat(f.get("properties").get("model").asText()).isEqualTo("kde-365d-bw2"));
    }

    /** The same files with and without later incidents (a year of real ones and a burst in a quiet cell): the same output. */
    @Test
    void incidentsFromTheStartOnChangeNothing() throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(data)), StandardCharsets.UTF_8))) {
            in.lines().forEach(lines::add);
        }
        List<String> before = lines.stream().filter(l -> l.startsWith("category") || l.split(",")[3].compareTo(START) < 0).toList();
        List<String> all = new ArrayList<>(lines);
        for (int i = 0; i < 500; i++) {
            all.add("BURGLARY,test,%d,%s,7600500,648500,0".formatted(i, START));
        }
        assertThat(before).hasSizeLessThan(lines.size());
        Path pastOnly = Files.write(dir.resolve("past.csv"), before);
        Path withFuture = Files.write(dir.resolve("all.csv"), all);

        CliRun a = forecast(dir.resolve("a"), pastOnly.toString(), "--days", "7,92");
        CliRun b = forecast(dir.resolve("b"), withFuture.toString(), "--days", "7,92");
        assertThat(a.exit()).isZero();
        assertThat(b.exit()).isZero();
        assertThat(b.out().replace(dir.resolve("b").toString(), "OUT")).isEqualTo(a.out().replace(dir.resolve("a").toString(), "OUT"));
        for (String file : new String[]{"forecast-7d.geojson", "forecast-92d.geojson"}) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file))).isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
        }
    }

    @Test
    void badInputIsAClearErrorWithExitCode2() {
        Path out = dir.resolve("out");
        CliRun unknownModel = forecast(out, data.toString(), "--model", "lstm");
        assertThat(unknownModel.exit()).isEqualTo(2);
        assertThat(unknownModel.err()).contains("unknown model 'lstm'; the models are trailing-28d");
        assertThat(unknownModel.err()).contains("kde-365d-bw2, cell-mlp");

        CliRun badArea = CliRun.of("forecast", "--region", region.toString(), "--format", "portland-nij", data.toString(),
                "--start", START, "--flag-area", "a quarter mile");
        assertThat(badArea.exit()).isEqualTo(2);
        assertThat(badArea.err()).contains("cannot read the area 'a quarter mile'");

        CliRun late = CliRun.of("forecast", "--region", region.toString(), "--format", "portland-nij", data.toString(), "--start", "2030-01-01",
                "--flag-area", "5km2");
        assertThat(late.exit()).isEqualTo(2);
        assertThat(late.err()).contains("--start 2030-01-01 is outside the data (2012-03-01..2017-02-28)");

        CliRun early = CliRun.of("forecast", "--region", region.toString(), "--format", "portland-nij", data.toString(), "--start", "2012-03-01",
                "--flag-area", "5km2");
        assertThat(early.exit()).isEqualTo(2);
        assertThat(early.err()).contains("outside the data");

        CliRun category = forecast(out, data.toString(), "--category", "ARSON");
        assertThat(category.exit()).isEqualTo(2);
        assertThat(category.err()).contains("no incident has the category [ARSON]; the files' categories are [BURGLARY, MOTOR VEHICLE THEFT, STREET CRIMES]");
    }
}
