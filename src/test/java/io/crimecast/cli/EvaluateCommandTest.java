package io.crimecast.cli;

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
                "--out", out.toString());
        assertThat(exit).isZero();

        JsonNode rows = new ObjectMapper().readTree(out.resolve("evaluation.json").toFile());
        List<String> names = new ArrayList<>();
        rows.forEach(r -> names.add(r.get("name").asText()));
        assertThat(names).contains("baseline-last", "baseline-mean7", "baseline-mean28", "baseline-weekday4", "rnn",
                "selected", "spatio-lstm");
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
            } else {
                assertThat(r.get("bins10").has("rmse") && r.get("bins5").has("rmse")).isTrue();
                assertThat(r.get("active").get("rmse").asDouble()).isGreaterThanOrEqualTo(raw.get("rmse").asDouble());
            }
        });
        List<String> csv = Files.readAllLines(out.resolve("evaluation.csv"));
        assertThat(csv.get(0)).startsWith("name,kind,mse,rmse,mae");
        assertThat(csv).hasSize(rows.size() + 1);
    }

    @Test
    void rollingOriginsWriteOneRowPerModelPerOriginAndASummary() throws Exception {
        Path data = BundledData.forRegion("portland").copyTo(dir);
        Path out = dir.resolve("out");
        int exit = CrimecastCli.commandLine().execute("evaluate", "--region", "portland", "--format", "portland-nij", data.toString(),
                "--test-to", "2016-12-31", "--origins", "2", "--origin-step", "P14D", "--models", "rnn", "--windows", "8",
                "--max-epochs", "1", "--out", out.toString());
        assertThat(exit).isZero();

        JsonNode rows = new ObjectMapper().readTree(out.resolve("evaluation.json").toFile());
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
                }
                assertThat(r.get("versus").get("low").asDouble()).isLessThanOrEqualTo(r.get("versus").get("high").asDouble());
            }
        });
        assertThat(CrimecastCli.commandLine().execute("evaluate", "--region", "portland", "--format", "portland-nij", data.toString(),
                "--test-from", "2016-12-01", "--origins", "2", "--origin-step", "P14D")).isNotZero();
    }
}
