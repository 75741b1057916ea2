package io.crimecast.incident;

import com.fasterxml.jackson.databind.JsonNode;
import io.crimecast.grid.Cell;
import io.crimecast.grid.Grid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Places an incident in the grid of the region that contains it, or says why it cannot. */
final class IncidentPlacement {
    private final Map<String, Grid> grids = new LinkedHashMap<>();

    IncidentPlacement(List<Grid> grids) {
        grids.forEach(g -> this.grids.put(g.region(), g));
    }

    record Placement(Grid grid, Cell cell) {
    }

    static final class PlacementException extends Exception {
        final RejectReason reason;

        PlacementException(RejectReason reason, String message) {
            super(message);
            this.reason = reason;
        }
    }

    /** The region and cell of an incident's coordinates (lat/lon, or x/y in the region's CRS). */
    Placement place(JsonNode node) throws PlacementException {
        String regionName = IncidentValidator.text(node, "region");
        if (regionName != null && !grids.containsKey(regionName)) {
            throw new PlacementException(RejectReason.UNKNOWN_REGION, "region '" + regionName + "' is not served here " + grids.keySet());
        }
        boolean hasLatLon = node.hasNonNull("lat") || node.hasNonNull("lon");
        boolean hasXY = node.hasNonNull("x") || node.hasNonNull("y");
        if (!hasLatLon && !hasXY) {
            throw new PlacementException(RejectReason.MISSING_COORDINATES, "neither lat/lon nor x/y is given");
        }
        String a = hasLatLon ? "lat" : "y";
        String b = hasLatLon ? "lon" : "x";
        double first = coordinate(node, a);
        double second = coordinate(node, b);
        if (hasLatLon && (Math.abs(first) > 90 || Math.abs(second) > 180)) {
            throw new PlacementException(RejectReason.BAD_COORDINATES, "lat/lon out of range: " + first + ", " + second);
        }
        Iterable<Grid> candidates = regionName != null ? List.of(grids.get(regionName)) : grids.values();
        for (Grid grid : candidates) {
            Optional<Cell> cell = hasLatLon ? grid.locateLatLon(first, second) : grid.locateXY(second, first);
            if (cell.isPresent()) {
                return new Placement(grid, cell.get());
            }
        }
        throw new PlacementException(RejectReason.OUT_OF_AREA, (hasLatLon ? "lat/lon " : "x/y ")
                + (hasLatLon ? first + ", " + second : second + ", " + first) + " is outside every region " + grids.keySet());
    }

    private static double coordinate(JsonNode node, String field) throws PlacementException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new PlacementException(RejectReason.MISSING_COORDINATES, "field '" + field + "' is missing");
        }
        double d;
        if (v.isNumber()) {
            d = v.doubleValue();
        } else if (v.isTextual()) {
            try {
                d = Double.parseDouble(v.textValue().trim());
            } catch (NumberFormatException e) {
                throw new PlacementException(RejectReason.BAD_COORDINATES, "field '" + field + "' is not a number: " + v.textValue());
            }
        } else {
            throw new PlacementException(RejectReason.BAD_COORDINATES, "field '" + field + "' is not a number");
        }
        if (!Double.isFinite(d)) {
            throw new PlacementException(RejectReason.BAD_COORDINATES, "field '" + field + "' is not finite: " + d);
        }
        return d;
    }
}
