package io.crimecast.model;

import io.crimecast.metrics.EqualWidthBins;
import io.crimecast.metrics.EvaluationRow;
import io.crimecast.grid.HotspotRule;
import io.crimecast.grid.Layer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The JSON half of a {@link ModelBundle}.
 *
 * @param window        days of input per sample
 * @param stepDays      days between consecutive samples (1: one forecast per day)
 * @param normalisation a {@link Normalisation} name for count kinds; other kinds may use their own names
 * @param binEdges      equal-width bin edges fitted on the training days
 * @param holdOut       the model's hold-out (validation) metrics beside the baselines'
 * @param extra         kind-specific settings (such as the hotspot classifier's), empty for count kinds
 * @param layer         the layer it learned and serves (bundles from before layers: all)
 */
public record BundleMetadata(GridKey grid, ModelKind kind, int window, int stepDays, String normalisation,
                             double[] binEdges, HotspotRule hotspot, LocalDate trainFrom, LocalDate trainTo,
                             List<EvaluationRow> holdOut, String version, Instant createdAt,
                             Map<String, Object> extra, String layer) {
    public BundleMetadata {
        layer = layer == null ? Layer.ALL.name() : layer;
        holdOut = holdOut == null ? List.of() : List.copyOf(holdOut);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public EqualWidthBins bins() {
        return new EqualWidthBins(binEdges[0], binEdges[binEdges.length - 1], binEdges.length - 1);
    }
}
