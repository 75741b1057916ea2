package io.crimecast.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A region's districts (police districts, beats): a GeoJSON FeatureCollection (RFC 7946, WGS84 longitude and latitude)
 * of Polygons and MultiPolygons, each named by one of its properties. Features with the same name make one district.
 */
public record Districts(List<String> names, List<Geometry> areas) {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    public static Districts read(Path file, String nameProperty) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read districts file " + file + ": " + e.getMessage(), e);
        }
        JsonNode features = root == null ? null : root.get("features");
        if (!"FeatureCollection".equals(root == null ? null : root.path("type").asText()) || features == null || !features.isArray() || features.isEmpty()) {
            throw new IllegalArgumentException(file + ": a districts file is a GeoJSON FeatureCollection with at least one feature");
        }
        List<String> names = new ArrayList<>();
        List<Geometry> areas = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            JsonNode name = feature.path("properties").get(nameProperty);
            if (name == null || !name.isValueNode() || name.asText().isBlank()) {
                throw new IllegalArgumentException("%s: feature %d has no property '%s' to name its district (its properties: %s)"
                        .formatted(file, i, nameProperty, feature.path("properties")));
            }
            JsonNode geometry = feature.path("geometry");
            try {
                areas.add(new StudyArea(geometry.path("type").asText(null), geometry.get("coordinates")).geometry());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("%s: feature %d (%s): %s".formatted(file, i, name.asText(),
                        e.getMessage().replace("studyArea", "geometry")), e);
            }
            names.add(name.asText().trim());
        }
        return new Districts(names, areas);
    }

    /** The district each cell's centre lies in (the first feature that covers it), null where none does. */
    public String[] ofCells(Grid grid) {
        List<PreparedGeometry> prepared = areas.stream().map(PreparedGeometryFactory::prepare).toList();
        String[] owner = new String[grid.cellCount()];
        for (int c = 0; c < owner.length; c++) {
            double[] latLon = grid.centreLatLon(c);
            var centre = GEOMETRY.createPoint(new Coordinate(latLon[1], latLon[0]));
            for (int f = 0; f < prepared.size() && owner[c] == null; f++) {
                if (prepared.get(f).covers(centre)) {
                    owner[c] = names.get(f);
                }
            }
        }
        return owner;
    }
}
