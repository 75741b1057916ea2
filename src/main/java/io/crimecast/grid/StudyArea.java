package io.crimecast.grid;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * A region's study area: a GeoJSON Polygon or MultiPolygon geometry (RFC 7946: WGS84 longitude, latitude), written
 * inline in the region file. Cells whose centre lies outside it are never flagged and do not count in the area PAI
 * divides by. Without one, the study area is the cells touching the bounding box.
 */
public record StudyArea(String type, JsonNode coordinates) {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    public StudyArea {
        if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
            throw new IllegalArgumentException("studyArea.type: Polygon or MultiPolygon (a GeoJSON geometry in WGS84 lon/lat), was " + type);
        }
        if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
            throw new IllegalArgumentException("studyArea.coordinates: required, the " + type + "'s rings of [lon, lat] positions");
        }
        if (!geometry(type, coordinates).isValid()) {
            throw new IllegalArgumentException("studyArea: the " + type + " is not a valid area (self-intersecting rings, or polygons overlapping)");
        }
    }

    /** The area as a JTS geometry in (lon, lat). */
    public Geometry geometry() {
        return geometry(type, coordinates);
    }

    private static Geometry geometry(String type, JsonNode coordinates) {
        if (type.equals("Polygon")) {
            return polygon(coordinates, "studyArea.coordinates");
        }
        List<Polygon> polygons = new ArrayList<>();
        for (int i = 0; i < coordinates.size(); i++) {
            polygons.add(polygon(coordinates.get(i), "studyArea.coordinates[" + i + "]"));
        }
        return GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    /** Every ring of the area (each polygon's outer ring, then its holes) as closed [longitude, latitude] rings. */
    public List<double[][]> ringsLonLat() {
        Geometry g = geometry();
        List<double[][]> rings = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            rings.add(lonLat(p.getExteriorRing().getCoordinates()));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                rings.add(lonLat(p.getInteriorRingN(h).getCoordinates()));
            }
        }
        return rings;
    }

    private static double[][] lonLat(Coordinate[] ring) {
        double[][] out = new double[ring.length][];
        for (int i = 0; i < ring.length; i++) {
            out[i] = new double[]{ring[i].x, ring[i].y};
        }
        return out;
    }

    /** Which cells of a grid are in its region's study area: those whose centre is in the polygon, else those touching the box. */
    static boolean[] cells(Grid grid) {
        boolean[] in = new boolean[grid.cellCount()];
        StudyArea area = grid.spec().studyArea();
        PreparedGeometry polygon = area == null ? null : PreparedGeometryFactory.prepare(area.geometry());
        for (int c = 0; c < in.length; c++) {
            if (polygon == null) {
                in[c] = grid.touchesBox(c);
            } else {
                double[] latLon = grid.centreLatLon(c);
                in[c] = polygon.covers(GEOMETRY.createPoint(new Coordinate(latLon[1], latLon[0])));
            }
        }
        return in;
    }

    /** The bounding box as a closed [longitude, latitude] ring, with points along each edge so a projected box keeps its shape. */
    static double[][] boxRing(Grid grid) {
        BoundingBox b = grid.spec().bbox();
        double[][] corners = {{b.minX(), b.minY()}, {b.maxX(), b.minY()}, {b.maxX(), b.maxY()}, {b.minX(), b.maxY()}};
        int perEdge = 8;
        double[][] ring = new double[4 * perEdge + 1][];
        for (int e = 0; e < 4; e++) {
            double[] from = corners[e];
            double[] to = corners[(e + 1) % 4];
            for (int i = 0; i < perEdge; i++) {
                double f = (double) i / perEdge;
                ring[e * perEdge + i] = grid.crsToLonLat(from[0] + f * (to[0] - from[0]), from[1] + f * (to[1] - from[1]));
            }
        }
        ring[4 * perEdge] = ring[0].clone();
        return ring;
    }

    /** A polygon beside the grid (often [lat, lon] written for [lon, lat]) would leave nothing to flag. */
    void checkOverlaps(Grid grid) {
        Envelope cells = new Envelope();
        int cols = grid.cols();
        int rows = grid.rows();
        for (int id : new int[]{0, cols - 1, (rows - 1) * cols, rows * cols - 1}) {
            for (double[] corner : grid.cornersLonLat(id)) {
                cells.expandToInclude(corner[0], corner[1]);
            }
        }
        Envelope polygon = geometry().getEnvelopeInternal();
        if (!cells.intersects(polygon)) {
            throw new IllegalArgumentException("studyArea: the polygon (%s) lies outside the grid (%s); positions are [longitude, latitude]"
                    .formatted(polygon, cells));
        }
    }

    private static Polygon polygon(JsonNode rings, String where) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException(where + ": a polygon is a list of rings, the outer one first");
        }
        LinearRing shell = ring(rings.get(0), where + "[0]");
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), where + "[" + i + "]");
        }
        return GEOMETRY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions, String where) {
        if (!positions.isArray() || positions.size() < 4) {
            throw new IllegalArgumentException(where + ": a ring needs at least 4 [lon, lat] positions, the last equal to the first");
        }
        Coordinate[] ring = new Coordinate[positions.size()];
        for (int i = 0; i < ring.length; i++) {
            JsonNode p = positions.get(i);
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()
                    || Math.abs(p.get(0).asDouble()) > 180 || Math.abs(p.get(1).asDouble()) > 90) {
                throw new IllegalArgumentException(where + "[" + i + "]: a position is [longitude, latitude] in degrees, was " + p);
            }
            ring[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
        }
        if (!ring[0].equals2D(ring[ring.length - 1])) {
            throw new IllegalArgumentException(where + ": a ring must end where it starts (GeoJSON closes rings explicitly)");
        }
        return GEOMETRY.createLinearRing(ring);
    }
}
