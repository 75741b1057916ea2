package io.crimecast.cli;

import io.crimecast.replay.BundledData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `train --from FILES` on bundled real data: it trains, compares with the best baseline, and says so. */
class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsFromFilesAndComparesWithTheBestBaseline() {
        Path data = BundledData.forRegion("portland").copyTo(dir);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = CrimecastCli.commandLine().execute("train", "--region", "portland", "--model", "rnn",
                    "--from", data.toString(), "--format", "portland-nij", "--max-epochs", "2");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        original.println(out);
        assertThat(exit).isZero();
        assertThat(out).contains("portland: 7 x 8 cells").containsPattern("1826 days 2012-03-01\\.\\.2017-02-28");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rnn-portland-\\S+: validation RMSE w8 ([0-9.]+), w14 ([0-9.]+) -> window (8|14); "
                + "2 epochs \\(best [12]\\), [0-9.]+ s/epoch; validation RMSE ([0-9.]+) vs best baseline baseline-\\S+ [0-9.]+ -> (beats it|does not beat it)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        double w8 = Double.parseDouble(m.group(1)), w14 = Double.parseDouble(m.group(2));
        assertThat(m.group(3)).as("the window with the lower validation RMSE").isEqualTo(w8 <= w14 ? "8" : "14");
        assertThat(Double.parseDouble(m.group(4))).isEqualTo(Math.min(w8, w14));
    }

    @Test
    void filesWithoutAFormatAreAClearError() {
        assertThat(CrimecastCli.commandLine().execute("train", "--region", "portland", "--from", "x.csv")).isEqualTo(2);
    }
}
