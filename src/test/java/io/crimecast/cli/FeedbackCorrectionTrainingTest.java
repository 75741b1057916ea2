package io.crimecast.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `train` with a region's feedbackCorrection, through the CLI: two spots 15 km apart on Philadelphia's 5 km grid, each
 * day 3 reported incidents and 1 officer-initiated at the first, 1 and 1 at the second; one cell (25 km2) is flagged
 * a day, always the first spot's, so from the second day on its officer-initiated incident is found in a flagged cell
 * and the second spot's never is.
 */
class FeedbackCorrectionTrainingTest {
    private static final int DAYS = 120;

    @TempDir
    Path dir;

    @Test
    void officerInitiatedIncidentsInFlaggedCellsAreDroppedAtWeightZeroAndOthersKept() throws IOException {
        Path data = data();
        String withCorrection = train(region("feedbackCorrection: {officerInitiatedWeight: 0, flagArea: 25 km2}"), data);
        assertThat(withCorrection).contains("feedback correction (weight 0.0, flags of 25 km2 by the last 365 days' counts): kept 0 of "
                + (DAYS - 1) + " officer-initiated incidents found in flagged cells");

        String believed = train(region("feedbackCorrection: {officerInitiatedWeight: 1, flagArea: 25 km2}"), data);
        assertThat(believed).contains("kept " + (DAYS - 1) + " of " + (DAYS - 1) + " officer-initiated incidents");

        String without = train(region(""), data);
        assertThat(without).doesNotContain("feedback correction");
    }

    @Test
    void aCorrectionWithoutAFlagAreaBesideAPercentRuleIsAClearError() throws IOException {
        CliRun run = CliRun.of("train", "--region", region("feedbackCorrection: {officerInitiatedWeight: 0.5}").toString(),
                "--from", data().toString(), "--format", "csv", "--time-col", "time", "--x-col", "lon", "--y-col", "lat", "--coords", "lonlat");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("feedbackCorrection.flagArea: required when the hotspot rule is not an area");
    }

    private String train(Path region, Path data) {
        CliRun run = CliRun.of("train", "--region", region.toString(), "--model", "rnn", "--from", data.toString(), "--format", "csv",
                "--id-col", "id", "--time-col", "time", "--x-col", "lon", "--y-col", "lat", "--coords", "lonlat", "--origin-col", "origin",
                "--max-epochs", "1", "--windows", "8", "--hidden", "8");
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out();
    }

    private Path region(String correction) throws IOException {
        return Files.writeString(dir.resolve("philadelphia-" + correction.hashCode() + ".yaml"), """
                name: philadelphia
                bbox: {minX: -75.2803, minY: 39.8670, maxX: -74.9557, maxY: 40.1379}
                cellSizeMeters: 5000
                timeZone: America/New_York
                hotspot: {topPercent: 5}
                """ + correction + "\n");
    }

    private Path data() throws IOException {
        List<String> rows = new ArrayList<>(List.of("id,time,lon,lat,origin"));
        for (int d = 0; d < DAYS; d++) {
            String time = LocalDate.of(2021, 1, 1).plusDays(d) + "T10:00:00";
            for (String spot : new String[]{"-75.25,39.88,reported", "-75.25,39.88,reported", "-75.25,39.88,reported",
                    "-75.25,39.88,officer-initiated", "-75.10,40.00,reported", "-75.10,40.00,officer-initiated"}) {
                rows.add("%d,%s,%s".formatted(rows.size(), time, spot));
            }
        }
        return Files.write(dir.resolve("origins.csv"), rows);
    }
}
