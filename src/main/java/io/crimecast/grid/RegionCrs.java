package io.crimecast.grid;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.units.Unit;
import org.locationtech.proj4j.units.Units;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads a region's CRS with proj4j and refuses what proj4j would silently get wrong (unknown units, a box in the wrong units). */
final class RegionCrs {
    static final CRSFactory CRS_FACTORY = new CRSFactory();
    static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
    static final CoordinateReferenceSystem WGS84 = CRS_FACTORY.createFromName(RegionSpec.WGS84);

    private RegionCrs() {
    }

    static CoordinateReferenceSystem parse(String crs) {
        CoordinateReferenceSystem parsed;
        try {
            parsed = crs.matches("(?i)(EPSG|ESRI|NAD83|NAD27|WORLD):.*")
                    ? CRS_FACTORY.createFromName(crs.toUpperCase())
                    : CRS_FACTORY.createFromParameters("custom", crs);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("crs: cannot understand '" + crs + "' (an EPSG code such as EPSG:2913, or a PROJ.4 string): " + e.getMessage(), e);
        }
        checkUnits(parsed);
        return parsed;
    }

    /** proj4j reads units it does not know (+units=us-feet) as metres, silently; a wrong unit scales every cell. */
    private static void checkUnits(CoordinateReferenceSystem crs) {
        for (String parameter : crs.getParameters()) {
            if (parameter.startsWith("+units=")) {
                String given = parameter.substring("+units=".length());
                boolean known = Arrays.stream(Units.units).anyMatch(u -> given.equals(u.abbreviation) || given.equals(u.name) || given.equals(u.plural));
                if (!known) {
                    throw new IllegalArgumentException("crs: unknown units '" + given + "'; PROJ units are "
                            + Arrays.stream(Units.units).map(u -> u.abbreviation + " (" + u.plural + ")").collect(Collectors.joining(", ")));
                }
            }
        }
    }

    /**
     * Lon/lat numbers under a projected CRS give a one-cell grid, projected numbers under a geographic CRS a
     * meaningless one; both are refused, with the box converted when that is possible.
     */
    static void checkBoxUnits(RegionSpec spec, CoordinateReferenceSystem crs) {
        BoundingBox box = spec.bbox();
        boolean degrees = Math.abs(box.minX()) <= 180 && Math.abs(box.maxX()) <= 180 && Math.abs(box.minY()) <= 90 && Math.abs(box.maxY()) <= 90;
        if (geographic(crs) && !degrees) {
            throw new IllegalArgumentException(("bbox: %s is not longitude/latitude, but crs %s is in degrees; give the box in degrees,"
                    + " or set crs to the projection the numbers are in").formatted(box, spec.crs()));
        }
        if (!geographic(crs) && degrees) {
            BoundingBox converted = envelope(TRANSFORMS.createTransform(WGS84, crs), box);
            throw new IllegalArgumentException(("bbox: %s looks like longitude/latitude, but crs %s is projected (in %s);"
                    + " give the box in the CRS's units (read as longitude/latitude, it is about %s)").formatted(box, spec.crs(), unitName(crs), converted));
        }
    }

    private static String unitName(CoordinateReferenceSystem crs) {
        Unit unit = crs.getProjection().getUnits();
        return unit == null ? "metres" : unit.plural;
    }

    static boolean geographic(CoordinateReferenceSystem crs) {
        return Boolean.TRUE.equals(crs.isGeographic());
    }

    /** The envelope of a box's corners and edge midpoints after a transform. */
    static BoundingBox envelope(CoordinateTransform transform, BoundingBox box) {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (double x : new double[]{box.minX(), (box.minX() + box.maxX()) / 2, box.maxX()}) {
            for (double y : new double[]{box.minY(), (box.minY() + box.maxY()) / 2, box.maxY()}) {
                ProjCoordinate p = transform == null ? new ProjCoordinate(x, y) : transform.transform(new ProjCoordinate(x, y), new ProjCoordinate());
                minX = Math.min(minX, p.x);
                maxX = Math.max(maxX, p.x);
                minY = Math.min(minY, p.y);
                maxY = Math.max(maxY, p.y);
            }
        }
        return new BoundingBox(minX, minY, maxX, maxY);
    }
}
