package io.crimecast.cli;

import io.crimecast.audit.FlagReplay;
import io.crimecast.audit.OriginCounts;
import io.crimecast.grid.FeedbackCorrection;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Layer;
import io.crimecast.replay.IncidentFileReader.TimedIncident;
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
        return CountMatrix.fromIncidents(grid, ofLayer(grid, layer, files, paths));
    }

    /**
     * The daily counts a model of one layer trains on: with the region's feedback correction, the officer-initiated
     * incidents found in flagged cells are each kept only with its weight's probability (the test of a model never
     * reads these: evaluate counts every incident).
     */
    static CountMatrix forTraining(Grid grid, Layer layer, CsvMappingOptions files, List<Path> paths, Progress progress) {
        List<TimedIncident> incidents = ofLayer(grid, layer, files, paths);
        CountMatrix counts = CountMatrix.fromIncidents(grid, incidents);
        FeedbackCorrection correction = grid.spec().feedbackCorrection();
        if (correction == null) {
            return counts;
        }
        FlagReplay.Counted corrected = OriginCounts.of(counts, incidents).corrected(correction);
        progress.line("feedback correction (weight %s, flags of %s by the last %d days' counts): kept %d of %d officer-initiated incidents"
                        + " found in flagged cells", correction.officerInitiatedWeight(), correction.flagArea(), correction.lookbackDays(),
                corrected.kept(), corrected.officerInitiatedInFlagged());
        return corrected.counts();
    }

    private static List<TimedIncident> ofLayer(Grid grid, Layer layer, CsvMappingOptions files, List<Path> paths) {
        return files.reader(grid.spec()).read(paths).incidents().stream().filter(t -> layer.matches(t.incident().category())).toList();
    }
}
