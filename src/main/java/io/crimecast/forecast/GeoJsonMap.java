package io.crimecast.forecast;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.crimecast.grid.Area;
import io.crimecast.grid.Grid;
import io.crimecast.topics.JsonSerde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A forecast map as an RFC 7946 FeatureCollection: one Polygon per grid cell (WGS84 lon/lat corners, 6 decimals,
 * about 0.1 m), properties cell, row, col, expected, hotspot, rank (flagged cells) and model, and the forecast's
 * context as foreign members at the top. Streamed, so 200k cells need no tree in memory.
 */
public final class GeoJsonMap {

    private GeoJsonMap() {
    }

    /** @param layer the categories the map counts ({@code ["all"]} for every incident) */
    public static void write(Path file, Grid grid, List<String> layer, HotspotMap map) {
        int[] ranks = map.ranks();
        double flaggedSquareMetres = map.flagged().length * grid.cellArea().squareMetres();
        try (JsonGenerator json = JsonSerde.MAPPER.getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            json.writeStringField("region", grid.region());
            json.writeArrayFieldStart("categories");
            for (String category : layer) {
                json.writeString(category);
            }
            json.writeEndArray();
            json.writeStringField("model", map.model());
            json.writeStringField("periodStart", map.periodStart().toString());
            json.writeStringField("periodEnd", map.periodEnd().toString());
            json.writeNumberField("horizonDays", map.horizonDays());
            json.writeNumberField("flaggedCells", map.flagged().length);
            json.writeObjectFieldStart("flaggedArea");
            json.writeNumberField("km2", round(flaggedSquareMetres / Area.SQUARE_METRES_PER_SQUARE_KM, 6));
            json.writeNumberField("sqmi", round(flaggedSquareMetres / Area.SQUARE_METRES_PER_SQUARE_MILE, 6));
            json.writeEndObject();
            json.writeArrayFieldStart("features");
            for (int cell = 0; cell < grid.cellCount(); cell++) {
                writeFeature(json, grid, map, cell, ranks[cell]);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeFeature(JsonGenerator json, Grid grid, HotspotMap map, int cell, int rank) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        json.writeObjectFieldStart("geometry");
        json.writeStringField("type", "Polygon");
        json.writeArrayFieldStart("coordinates");
        json.writeStartArray();
        for (double[] corner : grid.cornersLonLat(cell)) {
            json.writeStartArray();
            json.writeNumber(round(corner[0], 6));
            json.writeNumber(round(corner[1], 6));
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeEndArray();
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeNumberField("cell", cell);
        json.writeNumberField("row", grid.cell(cell).row());
        json.writeNumberField("col", grid.cell(cell).col());
        json.writeNumberField("expected", round(map.expected()[cell], 5));
        json.writeBooleanField("hotspot", rank > 0);
        if (rank > 0) {
            json.writeNumberField("rank", rank);
        }
        json.writeStringField("model", map.model());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
