package io.crimecast.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** replay's refusals, which all come before it talks to a broker. */
class ReplayCommandTest {
    @TempDir
    Path dir;

    @Test
    void refusesWhenMostRowsAreSkippedAndShowsSamplesPerReason() throws Exception {
        Path file = dir.resolve("us-dates.csv");
        Files.writeString(file, "id,when,lon,lat\n1,03/15/2024 10:00,-75.16,39.95\n2,03/16/2024 10:00,-75.16,39.95\n"
                + "3,03/05/2024 10:00,-75.16,39.95\n4,03/17/2024 10:00,0,0\n");
        CliRun run = CliRun.of("replay", "--region", "philadelphia", "--format", "csv", "--id-col", "id", "--time-col", "when",
                "--time-pattern", "dd/MM/yyyy HH:mm", "--x-col", "lon", "--y-col", "lat", file.toString(), "--bootstrap", "127.0.0.1:1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("read 4 rows from 1 file(s); 1 usable; skipped:")
                .contains("  bad-time: 2 row(s) (check --time-pattern")
                .contains("    " + file + " row 1: '03/15/2024 10:00'")
                .contains("    " + file + " row 2: '03/16/2024 10:00'")
                .contains("  zero-coordinates: 1 row(s)")
                .contains("    " + file + " row 4: '0, 0'");
        assertThat(run.err()).contains("error: 3 of 4 rows cannot be used (reasons above); nothing published")
                .contains("--allow-skips publishes the 1 usable rows anyway");
    }

    @Test
    void aMissingFileSaysNoSuchFile() {
        Path missing = dir.resolve("nothere.csv");
        CliRun run = CliRun.of("replay", "--region", "portland", "--format", "portland-nij", missing.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("error: no such file: " + missing);
    }
}
