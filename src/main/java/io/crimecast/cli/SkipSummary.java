package io.crimecast.cli;

import io.crimecast.replay.IncidentFileReader.ReadResult;
import io.crimecast.replay.IncidentFileReader.SkippedRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What replay and check say about skipped rows: per reason, the count and a few sample rows. */
final class SkipSummary {
    private SkipSummary() {
    }

    static List<String> lines(ReadResult read) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Long> reason : read.skipped().entrySet()) {
            lines.add("  %s: %,d row(s)%s".formatted(reason.getKey(), reason.getValue(), hint(reason.getKey())));
            for (SkippedRow row : read.samples().getOrDefault(reason.getKey(), List.of())) {
                lines.add("    %s row %d: '%s'".formatted(row.file(), row.row(), row.value()));
            }
        }
        return lines;
    }

    /** More than half the rows cannot be used: the mapping is most likely wrong. */
    static boolean mostSkipped(ReadResult read) {
        return read.skippedTotal() * 2 > read.rowsRead();
    }

    private static String hint(String reason) {
        return switch (reason) {
            case "bad-time" -> " (check --time-pattern, a java.time pattern such as 'MM/dd/yyyy HH:mm')";
            case "lonlat-in-projected-region" -> " (if these columns are longitude and latitude, give --coords lonlat)";
            case "zero-coordinates" -> " (0/0 stands for an unknown place)";
            default -> "";
        };
    }
}
