package io.crimecast.topics;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.crimecast.incident.Rejection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the topology writes, one record type per output topic (schemas in topics/schemas/). */
public sealed interface Output {

    /** A closed day's count for one cell of one layer; {@code correction} marks a late incident's new version. */
    record CellDayCount(String region, String layer, int cell, int row, int col, LocalDate date, int count, boolean correction)
            implements Output {
    }

    /**
     * The forecast for one cell of one layer over {@code periodStart..periodEnd} ({@code horizonDays} days), made when
     * the day before the period closed. {@code bin} (equal-width bins of daily counts) is set for the next day only;
     * {@code hotspotProbability} is the model's for the next day, and for longer periods the Poisson probability of
     * at least one incident. The cell's centre and corners are WGS84, so consumers need no grid maths.
     */
    record CellForecast(String region, String layer, int horizonDays, LocalDate periodStart, LocalDate periodEnd, int cell, int row,
                        int col, double lat, double lon, double[][] corners, double expected, Integer bin, double hotspotProbability,
                        boolean hotspot, String modelVersion, Instant generatedAt, Status status) implements Output {
    }

    /** The flagged cells of a region's layer for a period, best first, and the area they cover. */
    record Hotspots(String region, String layer, int horizonDays, LocalDate periodStart, LocalDate periodEnd, String rule,
                    int flaggedCells, double flaggedAreaKm2, double flaggedAreaSqMi, String modelVersion, Instant generatedAt,
                    Status status, List<RankedCell> cells) implements Output {
    }

    /**
     * A next-day forecast is first published provisional, at the local midnight that starts its period, from the
     * counts so far; the final one follows when the day before closes after its grace period. Consumers keep the last.
     */
    enum Status {
        @JsonProperty("provisional") PROVISIONAL,
        @JsonProperty("final") FINAL
    }

    record RankedCell(int rank, int cell, int row, int col, double lat, double lon, double[][] corners, double expected,
                      double hotspotProbability) {
    }

    /** An incident refused at a later stage (duplicate, too late); written with its original bytes. */
    record Rejected(Rejection rejection) implements Output {
    }
}
