package io.crimecast.cli;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Layer;
import io.crimecast.replay.IncidentFileReader;
import io.crimecast.train.CountMatrix;

import java.nio.file.Path;
import java.util.List;

/** Count matrices from incident files, read with the same parsers as replay. */
final class Datasets {
    private Datasets() {
    }

    static CountMatrix fromFiles(Grid grid, CsvMappingOptions files, List<Path> paths) {
        return fromFiles(grid, Layer.ALL, files, paths);
    }

    /** The daily counts of one layer: the incidents whose category it takes. */
    static CountMatrix fromFiles(Grid grid, Layer layer, CsvMappingOptions files, List<Path> paths) {
        IncidentFileReader.ReadResult read = files.reader(grid.spec()).read(paths);
        return CountMatrix.fromIncidents(grid, read.incidents().stream().filter(t -> layer.matches(t.incident().category())).toList());
    }
}
