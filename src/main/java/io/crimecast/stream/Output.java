package io.crimecast.stream;

import io.crimecast.incident.Rejection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the topology writes, one record type per output topic (schemas in topics/schemas/). */
public sealed interface Output {

    /** A closed day's count for one cell; {@code correction} marks a late incident's new version. */
    record CellDayCount(String region, int cell, int row, int col, LocalDate date, int count, boolean correction)
            implements Output {
    }

    /** The forecast for one cell for {@code date}, made when the day before it closed. */
    record CellForecast(String region, int cell, int row, int col, LocalDate date, double expected, int bin,
                        double hotspotProbability, boolean hotspot, String modelVersion, Instant generatedAt)
            implements Output {
    }

    /** The flagged cells of a region for {@code date}, best first. */
    record Hotspots(String region, LocalDate date, String rule, String modelVersion, Instant generatedAt,
                    List<RankedCell> cells) implements Output {
    }

    record RankedCell(int rank, int cell, int row, int col, double expected, double hotspotProbability) {
    }

    /** An incident refused at a later stage (duplicate, too late); written with its original bytes. */
    record Rejected(Rejection rejection) implements Output {
    }
}
