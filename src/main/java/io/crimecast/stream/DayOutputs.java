package io.crimecast.stream;

import io.crimecast.grid.Cell;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Layer;
import io.crimecast.model.Forecast;
import io.crimecast.topics.Output;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Instant;
import java.time.LocalDate;

/** Writes what a region's days produce, under the keys consumers look them up by. */
final class DayOutputs {
    private final ProcessorContext<String, Output> context;

    DayOutputs(ProcessorContext<String, Output> context) {
        this.context = context;
    }

    /** A closed day's counts of a layer: every cell on small grids, the cells that saw something on large ones. */
    void closedCounts(Grid grid, Layer layer, LocalDate day, int[] counts, long dayEnd) {
        boolean dense = grid.cellCount() <= ForecastRecords.DENSE_CELLS;
        for (int c = 0; c < counts.length; c++) {
            if (dense || counts[c] > 0) { // a street-level grid is mostly zeros: a missing cell-day counted none
                cellCount(grid, layer.name(), c, day, counts[c], false, dayEnd);
            }
        }
    }

    /** A closed day's new count of one cell after a late incident. */
    void correction(Grid grid, String layer, int cell, LocalDate day, int count, long timestamp) {
        cellCount(grid, layer, cell, day, count, true, timestamp);
    }

    /**
     * A forecast of a layer over {@code horizonDays}: its hotspots, and each cell's forecast unless {@code cells} is
     * false (a final forecast that only confirms the provisional one).
     */
    void forecast(Grid grid, Layer layer, int horizonDays, Forecast forecast, Output.Status status, boolean cells,
                  Instant generatedAt) {
        long now = generatedAt.toEpochMilli();
        String key = forecastKey(grid.region(), layer.name(), horizonDays);
        if (cells) {
            for (Output.CellForecast f : ForecastRecords.cells(grid, layer, horizonDays, forecast, status, generatedAt)) {
                context.forward(new Record<>(key + '/' + f.cell(), f, now));
            }
        }
        context.forward(new Record<>(key, ForecastRecords.hotspots(grid, layer, horizonDays, forecast, status, generatedAt), now));
    }

    private void cellCount(Grid grid, String layer, int c, LocalDate day, int count, boolean correction, long timestamp) {
        Cell cell = grid.cell(c);
        context.forward(new Record<>(countKey(grid.region(), layer, c, day),
                new Output.CellDayCount(grid.region(), layer, c, cell.row(), cell.col(), day, count, correction), timestamp));
    }

    static String countKey(String region, String layer, int cell, LocalDate date) {
        return region + '/' + layer + '/' + cell + '/' + date;
    }

    /** The key of a layer's hotspots for a horizon; a cell's forecast adds /cell. */
    static String forecastKey(String region, String layer, int horizonDays) {
        return region + '/' + layer + '/' + horizonDays + 'd';
    }
}
