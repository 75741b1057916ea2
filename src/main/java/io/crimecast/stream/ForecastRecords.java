package io.crimecast.stream;

import io.crimecast.topics.Output;
import io.crimecast.grid.Cell;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Layer;
import io.crimecast.model.Forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Shapes one forecast of a region's layer into output records: a record per cell (every cell on small grids; on
 * large ones only flagged cells and cells above a floor, see {@link #SPARSE_FLOOR_PER_DAY}) and the ranked hotspots
 * with the area they cover. Coordinates are WGS84, rounded to 6 decimals (about 0.1 m).
 */
final class ForecastRecords {
    /** Grids up to this many cells get a record for every cell; larger ones only for cells with something to say. */
    static final int DENSE_CELLS = 10_000;
    /**
     * On larger grids, a cell's forecast is written when it is flagged or expects at least this many incidents per
     * day of the period (one in ten days): at 500 ft most cells saw an incident in the last month, and a record for
     * each would write gigabytes a month.
     */
    static final double SPARSE_FLOOR_PER_DAY = 0.1;
    /** A hotspots record lists at most this many cells (with corners, about 0.5 MB); forecasts carry every flag. */
    static final int MAX_LISTED = 2_000;

    private ForecastRecords() {
    }

    /** A cell's forecast records; bins apply to the next day's forecast only ({@code horizonDays} 1). */
    static List<Output.CellForecast> cells(Grid grid, Layer layer, int horizonDays, Forecast forecast, Output.Status status,
                                           Instant generatedAt) {
        boolean daily = horizonDays == 1;
        LocalDate start = forecast.date();
        LocalDate end = start.plusDays(horizonDays - 1L);
        List<Output.CellForecast> out = new ArrayList<>();
        boolean dense = grid.cellCount() <= DENSE_CELLS;
        for (int c = 0; c < grid.cellCount(); c++) {
            if (!dense && !(forecast.expected()[c] >= SPARSE_FLOOR_PER_DAY * horizonDays) && !forecast.hotspot()[c]) {
                continue;
            }
            Cell cell = grid.cell(c);
            double[] centre = grid.centreLatLon(c);
            out.add(new Output.CellForecast(grid.region(), layer.name(), horizonDays, start, end, c, cell.row(), cell.col(),
                    round(centre[0]), round(centre[1]), corners(grid, c), forecast.expected()[c], daily ? forecast.bin()[c] : null,
                    forecast.hotspotProbability()[c], forecast.hotspot()[c], forecast.modelVersion(), generatedAt, status));
        }
        return out;
    }

    /** The flagged cells, best first: by hotspot probability, then expected count, then cell id. */
    static Output.Hotspots hotspots(Grid grid, Layer layer, int horizonDays, Forecast forecast, Output.Status status,
                                    Instant generatedAt) {
        List<Integer> flagged = IntStream.range(0, forecast.hotspot().length).filter(c -> forecast.hotspot()[c]).boxed()
                .sorted(Comparator.<Integer>comparingDouble(c -> -forecast.hotspotProbability()[c])
                        .thenComparingDouble(c -> -forecast.expected()[c]).thenComparingInt(c -> c))
                .toList();
        List<Output.RankedCell> ranked = new ArrayList<>();
        for (int c : flagged.subList(0, Math.min(flagged.size(), MAX_LISTED))) {
            Cell cell = grid.cell(c);
            double[] centre = grid.centreLatLon(c);
            ranked.add(new Output.RankedCell(ranked.size() + 1, c, cell.row(), cell.col(), round(centre[0]), round(centre[1]),
                    corners(grid, c), forecast.expected()[c], forecast.hotspotProbability()[c]));
        }
        double km2 = flagged.size() * grid.cellArea().squareKm();
        double sqMi = flagged.size() * grid.cellArea().squareMiles();
        return new Output.Hotspots(grid.region(), layer.name(), horizonDays, forecast.date(), forecast.date().plusDays(horizonDays - 1L),
                grid.spec().hotspot().toString(), flagged.size(), round(km2), round(sqMi), forecast.modelVersion(), generatedAt, status, ranked);
    }

    private static double[][] corners(Grid grid, int cell) {
        double[][] ring = grid.cornersLonLat(cell);
        for (double[] point : ring) {
            point[0] = round(point[0]);
            point[1] = round(point[1]);
        }
        return ring;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
