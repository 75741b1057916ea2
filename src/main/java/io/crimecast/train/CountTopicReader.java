package io.crimecast.train;

import io.crimecast.grid.Grid;
import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;
import io.crimecast.topics.TopicReader;

import java.time.LocalDate;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads a region's closed-day counts from the cell-daily-counts topic, to its end, into a count matrix: the
 * retraining job's data set. Corrections replace earlier versions, as compaction would.
 */
public final class CountTopicReader {
    private CountTopicReader() {
    }

    /** The closed-day counts of one layer of the grid's region. */
    public static CountMatrix read(Grid grid, String layer, String bootstrap, Properties clientProperties, String topic) {
        TreeMap<LocalDate, int[]> days = new TreeMap<>();
        TopicReader.readToEnd(bootstrap, clientProperties, topic, new JsonSerde<>(Output.CellDayCount.class).deserializer(), r -> {
            Output.CellDayCount c = r.value();
            // On fine grids only cells with a count are written: a missing cell-day counted zero.
            if (c != null && c.region().equals(grid.region()) && layer.equals(c.layer()) && c.cell() < grid.cellCount()) {
                days.computeIfAbsent(c.date(), d -> new int[grid.cellCount()])[c.cell()] = c.count();
            }
        });
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no closed days of region " + grid.region() + ", layer " + layer + ", on " + topic);
        }
        return CountMatrix.fromDays(grid, days);
    }
}
