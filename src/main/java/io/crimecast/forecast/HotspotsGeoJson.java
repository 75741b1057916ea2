package io.crimecast.forecast;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A streamed hotspots record as an RFC 7946 FeatureCollection: one Polygon per flagged cell, from the corners the
 * record carries (no grid maths), properties rank, cell, row, col, lat, lon, expected and hotspotProbability, and the
 * record's context as foreign members at the top.
 */
public final class HotspotsGeoJson {

    private HotspotsGeoJson() {
    }

    public static void write(Path file, Output.Hotspots hotspots) {
        ObjectNode collection = JsonSerde.MAPPER.createObjectNode().put("type", "FeatureCollection")
                .put("region", hotspots.region()).put("layer", hotspots.layer()).put("horizonDays", hotspots.horizonDays())
                .put("periodStart", hotspots.periodStart().toString()).put("periodEnd", hotspots.periodEnd().toString())
                .put("rule", hotspots.rule()).put("model", hotspots.modelVersion()).put("generatedAt", hotspots.generatedAt().toString())
                .put("flaggedCells", hotspots.flaggedCells());
        collection.putObject("flaggedArea").put("km2", hotspots.flaggedAreaKm2()).put("sqmi", hotspots.flaggedAreaSqMi());
        ArrayNode features = collection.putArray("features");
        for (Output.RankedCell c : hotspots.cells()) {
            ObjectNode feature = features.addObject().put("type", "Feature");
            ArrayNode ring = feature.putObject("geometry").put("type", "Polygon").putArray("coordinates").addArray();
            for (double[] corner : c.corners()) {
                ring.addArray().add(corner[0]).add(corner[1]);
            }
            feature.putObject("properties").put("rank", c.rank()).put("cell", c.cell()).put("row", c.row()).put("col", c.col())
                    .put("lat", c.lat()).put("lon", c.lon()).put("expected", c.expected()).put("hotspotProbability", c.hotspotProbability());
        }
        try {
            JsonSerde.MAPPER.writeValue(file.toFile(), collection);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
