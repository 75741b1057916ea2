package io.crimecast.grid;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

import java.util.Optional;

/**
 * The square-cell grid of a region. Cells are {@code cellSizeMeters} wide in metres and numbered row-major from
 * the bounding box's minimum corner. A projected CRS is gridded in its own axes (its units converted to metres);
 * a geographic CRS is gridded in a transverse Mercator projection centred on the box, so cells are square metres.
 */
public final class Grid {
    private static final CRSFactory CRS_FACTORY = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
    private static final CoordinateReferenceSystem WGS84 = CRS_FACTORY.createFromName(RegionSpec.WGS84);

    private final RegionSpec spec;
    private final CoordinateTransform toPlane;     // region CRS -> planar grid coordinates (null: identity)
    private final CoordinateTransform wgs84ToCrs;  // lon/lat -> region CRS (null: identity)
    private final double metresPerPlaneUnit;
    private final double planeMinX;
    private final double planeMinY;
    private final int rows;
    private final int cols;

    public Grid(RegionSpec spec) {
        this.spec = spec;
        CoordinateReferenceSystem crs = parseCrs(spec.crs());
        BoundingBox box = spec.bbox();
        if (Boolean.TRUE.equals(crs.isGeographic())) {
            double lon0 = (box.minX() + box.maxX()) / 2;
            double lat0 = (box.minY() + box.maxY()) / 2;
            CoordinateReferenceSystem local = CRS_FACTORY.createFromParameters(spec.name() + "-grid",
                    "+proj=tmerc +lat_0=%s +lon_0=%s +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs".formatted(lat0, lon0));
            toPlane = TRANSFORMS.createTransform(crs, local);
            metresPerPlaneUnit = 1.0;
        } else {
            toPlane = null;
            metresPerPlaneUnit = 1.0 / crs.getProjection().getFromMetres();
        }
        wgs84ToCrs = crs.getParameterString().equals(WGS84.getParameterString()) ? null : TRANSFORMS.createTransform(WGS84, crs);
        // The plane envelope of the box: corners and edge midpoints cover the curvature of a geographic box.
        double minPx = Double.POSITIVE_INFINITY, minPy = Double.POSITIVE_INFINITY;
        double maxPx = Double.NEGATIVE_INFINITY, maxPy = Double.NEGATIVE_INFINITY;
        double[] xs = {box.minX(), (box.minX() + box.maxX()) / 2, box.maxX()};
        double[] ys = {box.minY(), (box.minY() + box.maxY()) / 2, box.maxY()};
        for (double x : xs) {
            for (double y : ys) {
                ProjCoordinate p = toPlane(x, y);
                minPx = Math.min(minPx, p.x);
                maxPx = Math.max(maxPx, p.x);
                minPy = Math.min(minPy, p.y);
                maxPy = Math.max(maxPy, p.y);
            }
        }
        planeMinX = minPx;
        planeMinY = minPy;
        double cellUnits = spec.cellSizeMeters() / metresPerPlaneUnit;
        cols = Math.max(1, (int) Math.ceil((maxPx - minPx) / cellUnits - 1e-9));
        rows = Math.max(1, (int) Math.ceil((maxPy - minPy) / cellUnits - 1e-9));
    }

    static CoordinateReferenceSystem parseCrs(String crs) {
        try {
            return crs.matches("(?i)(EPSG|ESRI|NAD83|NAD27|WORLD):.*")
                    ? CRS_FACTORY.createFromName(crs.toUpperCase())
                    : CRS_FACTORY.createFromParameters("custom", crs);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("crs: cannot understand '" + crs + "' (an EPSG code such as EPSG:2913, or a PROJ.4 string): " + e.getMessage(), e);
        }
    }

    public RegionSpec spec() {
        return spec;
    }

    public String region() {
        return spec.name();
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int cellCount() {
        return rows * cols;
    }

    public Cell cell(int id) {
        if (id < 0 || id >= cellCount()) {
            throw new IndexOutOfBoundsException("cell " + id + " is not in the " + cellCount() + "-cell grid of " + region());
        }
        return new Cell(id, id / cols, id % cols);
    }

    /** The cell holding a point given in the region's CRS, or empty when it lies outside the bounding box. */
    public Optional<Cell> locateXY(double x, double y) {
        if (!spec.bbox().contains(x, y)) {
            return Optional.empty();
        }
        ProjCoordinate p = toPlane(x, y);
        double cellUnits = spec.cellSizeMeters() / metresPerPlaneUnit;
        int col = clamp((int) Math.floor((p.x - planeMinX) / cellUnits), cols);
        int row = clamp((int) Math.floor((p.y - planeMinY) / cellUnits), rows);
        return Optional.of(new Cell(row * cols + col, row, col));
    }

    /** The cell holding a WGS84 point, or empty when it lies outside the bounding box. */
    public Optional<Cell> locateLatLon(double lat, double lon) {
        if (wgs84ToCrs == null) {
            return locateXY(lon, lat);
        }
        ProjCoordinate out = new ProjCoordinate();
        synchronized (wgs84ToCrs) {
            wgs84ToCrs.transform(new ProjCoordinate(lon, lat), out);
        }
        return locateXY(out.x, out.y);
    }

    /**
     * The 9-neighbourhood of a cell, row-major from its lower-left neighbour to its upper-right one, the cell
     * itself in the middle (index 4); -1 where a neighbour falls off the grid.
     */
    public int[] neighbourhood(int id) {
        Cell c = cell(id);
        int[] out = new int[9];
        int i = 0;
        for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                int r = c.row() + dr, col = c.col() + dc;
                out[i++] = r < 0 || r >= rows || col < 0 || col >= cols ? -1 : r * cols + col;
            }
        }
        return out;
    }

    private ProjCoordinate toPlane(double x, double y) {
        ProjCoordinate in = new ProjCoordinate(x, y);
        if (toPlane == null) {
            return in;
        }
        ProjCoordinate out = new ProjCoordinate();
        synchronized (toPlane) {
            toPlane.transform(in, out);
        }
        return out;
    }

    private static int clamp(int v, int n) {
        return Math.min(Math.max(v, 0), n - 1);
    }

    @Override
    public String toString() {
        return "%s: %d x %d cells of %.0f m (%s)".formatted(region(), rows, cols, spec.cellSizeMeters(), spec.crs());
    }
}
