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
                "spatio-lstm");
        rows.forEach(r -> {
            assertThat(r.get("kind").asText()).isIn("count", "hotspot");
            assertThat(r.get("rmse").asDouble()).isPositive();
            assertThat(r.get("mae").asDouble()).isPositive().isLessThanOrEqualTo(r.get("rmse").asDouble());
            assertThat(r.get("mse").asDouble()).isCloseTo(Math.pow(r.get("rmse").asDouble(), 2), org.assertj.core.api.Assertions.within(1e-9));
            if (r.get("kind").asText().equals("hotspot")) {
                assertThat(r.get("auc").asDouble()).isBetween(0.0, 1.0);
                assertThat(r.has("pai1") && r.has("pai5") && r.has("pai10")).isTrue();
            } else {
                assertThat(r.has("rmseBins10") && r.has("rmseBins5")).isTrue();
            }
        });
        List<String> csv = Files.readAllLines(out.resolve("evaluation.csv"));
        assertThat(csv.get(0)).startsWith("name,kind,mse,rmse,mae");
        assertThat(csv).hasSize(rows.size() + 1);
    }
}
