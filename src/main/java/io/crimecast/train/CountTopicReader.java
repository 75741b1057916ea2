package io.crimecast.train;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Layer;
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

    public static CountMatrix read(Grid grid, String bootstrap, Properties clientProperties, String topic) {
        TreeMap<LocalDate, int[]> days = new TreeMap<>();
        TopicReader.readToEnd(bootstrap, clientProperties, topic, new JsonSerde<>(Output.CellDayCount.class).deserializer(), r -> {
            Output.CellDayCount c = r.value();
            // Models learn the layer they serve (all); on fine grids only cells with a count are written.
            if (c != null && c.region().equals(grid.region()) && Layer.ALL.name().equals(c.layer()) && c.cell() < grid.cellCount()) {
                days.computeIfAbsent(c.date(), d -> new int[grid.cellCount()])[c.cell()] = c.count();
            }
        });
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no closed days of region " + grid.region() + " on " + topic);
        }
        return CountMatrix.fromDays(grid, days);
    }
}
