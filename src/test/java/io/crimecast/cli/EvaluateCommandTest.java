package io.crimecast.cli;

import io.crimecast.grid.PortlandRegionFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crimecast.replay.BundledData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `evaluate` on bundled real data, one short network per kind of evaluation: the JSON and CSV it writes. */
class EvaluateCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryModelAndBaselineAsJsonAndCsv() throws Exception {
        Path data = BundledData.forRegion("portland").copyTo(dir);
        Path out = dir.resolve("out");
        int exit = CrimecastCli.commandLine().execute("evaluate", "--region", "portland", "--format", "portland-nij", data.toString(),
                "--test-from", "2016-12-01", "--test-to", "2016-12-31", "--models", "rnn,spatio-lstm", "--max-epochs", "1",
                "--hotspot-context-steps", "56", "--out", out.toString());
        assertThat(exit).isZero();

        JsonNode rows = new ObjectMapper().readTree(out.resolve("evaluation.json").toFile());
        List<String> names = new ArrayList<>();
        rows.forEach(r -> names.add(r.get("name").asText()));
        assertThat(names).contains("baseline-last", "baseline-mean7", "baseline-mean28", "baseline-weekday4", "rnn",
                "selected", "spatio-lstm");
        // the hotspot rankings: the network's 28 days, a year and two years (the data starts in 2012), kernel density
        assertThat(names).contains("trailing-count-28", "trailing-count-365", "trailing-count-730", "kde-28-bw1.0");
        rows.forEach(r -> {
            assertThat(r.get("kind").asText()).isIn("count", "hotspot");
            assertThat(r.get("origin").asText()).isEqualTo("2016-12-01");
            JsonNode raw = r.get("raw");
            assertThat(raw.get("rmse").asDouble()).isPositive();
            assertThat(raw.get("mae").asDouble()).isPositive().isLessThanOrEqualTo(raw.get("rmse").asDouble());
            assertThat(raw.get("mse").asDouble()).isCloseTo(Math.pow(raw.get("rmse").asDouble(), 2), org.assertj.core.api.Assertions.within(1e-9));
            if (r.get("kind").asText().equals("hotspot")) {
                JsonNode ranking = r.get("ranking");
                assertThat(ranking.get("auc").asDouble()).isBetween(0.0, 1.0);
                assertThat(ranking.has("pai1") && ranking.has("pai5") && ranking.has("pai10")).isTrue();
                // 30 active cells: "1%" is one cell, 3.3% of them
                assertThat(r.get("flagged").get(0).get("cells").asInt()).isEqualTo(1);
                // the network's AUC against the better ranking's, with its paired interval over the test days
                if (r.get("name").asText().equals("spatio-lstm")) {
                    assertThat(r.get("fit").get("settings").asText()).isEqualTo("28 steps of 1 day, levels over 56");
                    JsonNode versus = r.get("versus");
                    assertThat(versus.get("metric").asText()).isEqualTo("AUC");
                    JsonNode base = find(rows, versus.get("baseline").asText());
                    assertThat(versus.get("difference").asDouble()).isCloseTo(ranking.get("auc").asDouble() - base.get("ranking").get("auc").asDouble(),
                            org.assertj.core.api.Assertions.within(1e-9));
                    assertThat(versus.get("low").asDouble()).isLessThanOrEqualTo(versus.get("high").asDouble());
                    assertThat(versus.get("origins").asInt()).isEqualTo(1);
                } else {
                    assertThat(r.has("versus")).as("baselines are not compared").isFalse();
                }
            } else {
                assertThat(r.get("bins10").has("rmse") && r.get("bins5").has("rmse")).isTrue();
                assertThat(r.get("active").get("rmse").asDouble()).isGreaterThanOrEqualTo(raw.get("rmse").asDouble());
            }
        });
        List<String> csv = Files.readAllLines(out.resolve("evaluation.csv"));
        assertThat(csv.get(0)).startsWith("name,kind,mse,rmse,mae");
        assertThat(csv).hasSize(rows.size() + 1);
    }

    private static JsonNode find(JsonNode rows, String name) {
        for (JsonNode r : rows) {
            if (r.get("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no row " + name);
    }

    @Test
    void rollingOriginsWriteOneRowPerModelPerOriginAndASummary() throws Exception {
        Path data = BundledData.forRegion("portland").copyTo(dir);
        Path out = dir.resolve("out");
        int exit = CrimecastCli.commandLine().execute("evaluate", "--region", "portland", "--format", "portland-nij", data.toString(),
                "--test-to", "2016-12-31", "--origins", "2", "--origin-step", "P14D", "--models", "rnn", "--windows", "8", "--batch-sizes", "32,64",
                "--max-epochs", "1", "--out", out.toString(), "--report", dir.resolve("report").toString());
        assertThat(exit).isZero();
        String html = Files.readString(dir.resolve("report/report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("RMSE per test period", "2016-12-04", "2016-12-18", "baseline-mean28", "selected")
                .doesNotContain("<script", "http://", "https://");
        assertThat(html.split("<path d=\"M", -1)).as("a line per model: 4 baselines and rnn at least").hasSizeGreaterThanOrEqualTo(6);
        assertThat(html.split("<rect x=", -1)).as("the legend's squares and one square per cell of the 7 x 8 grid").hasSizeGreaterThan(56);

        JsonNode rows = new ObjectMapper().readTree(out.resolve("evaluation.json").toFile());
        // the report's per-day chart sets the selected network beside the baseline the evaluation compared it with
        String versus = rows.findValue("versus").get("baseline").asText();
        assertThat(html).contains("Incidents per day over the whole grid: what happened, selected and " + versus, "RMSE of selected per cell");
        List<String> origins = new ArrayList<>();
        rows.forEach(r -> origins.add(r.get("name").asText() + "@" + r.get("origin").asText()));
        assertThat(origins).contains("rnn@2016-12-04", "rnn@2016-12-18", "rnn@all", "selected@all", "baseline-mean28@all");
        rows.forEach(r -> {
            if (r.get("origin").asText().equals("all")) {
                assertThat(r.get("testDays").asInt()).isEqualTo(28);
                assertThat(r.get("spread").get("min").asDouble()).isLessThanOrEqualTo(r.get("spread").get("max").asDouble());
            }
            if (r.get("name").asText().equals("rnn")) {
                if (!r.get("origin").asText().equals("all")) {
                    assertThat(r.get("fit").get("window").asInt()).isEqualTo(8);
                    // the batch size validation chose, one of the two compared
                    assertThat(r.get("fit").get("settings").asText()).matches("w8 64u lr0\\.001 b(32|64)");
                }
                assertThat(r.get("versus").get("low").asDouble()).isLessThanOrEqualTo(r.get("versus").get("high").asDouble());
            }
        });
        assertThat(CrimecastCli.commandLine().execute("evaluate", "--region", "portland", "--format", "portland-nij", data.toString(),
                "--test-from", "2016-12-01", "--origins", "2", "--origin-step", "P14D")).isNotZero();
    }

    @Test
    void nijProtocolScoresTheCellNetworkBesideEveryNaiveMapPerLayerHorizonAndWindow() throws Exception {
        Path data = BundledData.forRegion("portland").copyTo(dir);
        Path region = PortlandRegionFile.write(dir, 1000, "  - {name: burglary, categories: [BURGLARY]}", "  - {name: all}");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("evaluate", "--protocol", "nij", "--region", region.toString(), "--format", "portland-nij", data.toString(),
                "--window-starts", "2015-03-01,2016-03-01", "--days", "7,31", "--flag-area", "5km2,10km2", "--study-area", "147.71sqmi",
                "--max-epochs", "2", "--cell-loss", "POISSON", "--out", out.toString(), "--report", out.toString());
        assertThat(run.exit()).isZero();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("Flag budget 5km2", "Flag budget 10km2", "burglary: mean PAI by horizon, 5km2", "all: mean PAI by horizon, 10km2",
                "cell-mlp", "trailing-all").containsPattern("Target .*: (met|not met)");
        assertThat(run.out()).contains("flag budget 5km2: mean PAI (PEI*) over the windows", "flag budget 10km2")
                .containsPattern("cell-mlp: mean PAI [0-9.]+ over 4 layer x horizon, best trailing-count baseline [0-9.]+ .*target (met|not met)")
                .containsPattern("best-possible \\(hindsight\\): mean PAI [0-9.]+ \\(x[0-9.]+ of the best trailing count\\); below x1.2 of it in [0-4] of 4");
        assertThat(run.out()).containsPattern("cell-mlp trained: .*validation loss -?[0-9.]+ \\(a constant: -?[0-9.]+\\), "
                + "blend (network only|0\\.\\d\\d network \\+ \\d\\.\\d\\d trailing-(365d|all)) \\(validation PAI [0-9.]+\\)");

        JsonNode rows = new ObjectMapper().readTree(out.resolve("evaluation.json").toFile());
        // 7 maps and hindsight's x 2 layers x 2 windows x 2 horizons x 2 budgets, then a mean over the windows of each
        assertThat(rows).hasSize(8 * 2 * 2 * 2 * 2 + 8 * 2 * 2 * 2);
        List<String> models = new ArrayList<>();
        rows.forEach(r -> {
            models.add(r.get("model").asText());
            assertThat(r.get("layer").asText()).isIn("burglary", "all");
            assertThat(r.get("horizonDays").asInt()).isIn(7, 31);
            assertThat(r.get("window").asText()).isIn("2015-03-01", "2016-03-01", "mean");
            assertThat(r.get("pai").asDouble()).isNotNegative();
            assertThat(r.get("pei").asDouble()).isBetween(0.0, 1.0);
            if (!r.get("window").asText().equals("mean")) {
                // PAI = (hits / N) / (flagged area / study area): 5 or 10 cells of 1 km² in 147.71 sq mi (382.57 km²)
                double share = r.get("flaggedCells").asInt() / 382.5672;
                assertThat(r.get("pai").asDouble()).isCloseTo(r.get("hits").asDouble() / r.get("incidents").asDouble() / share,
                        org.assertj.core.api.Assertions.within(1e-3));
                assertThat(r.get("flaggedCells").asInt()).isLessThanOrEqualTo(r.get("flagArea").asText().equals("5km2") ? 5 : 10);
            }
        });
        assertThat(models).contains("cell-mlp", "trailing-28d", "trailing-365d", "trailing-all", "kde-365d-bw1", "kde-365d-bw2", "best-possible");

        assertThat(CliRun.of("evaluate", "--protocol", "nij", "--region", region.toString(), "--format", "portland-nij", data.toString(),
                "--test-from", "2016-12-01").err()).contains("--protocol nij has its own windows");
    }
}
