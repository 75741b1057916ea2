package io.crimecast.grid;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

import java.util.List;
import java.util.Optional;

/**
 * The square-cell grid of a region. Cells are {@code cellSizeMeters} wide in metres and numbered row-major from
 * the bounding box's minimum corner. A projected CRS is gridded in its own axes (its units converted to metres);
 * a geographic CRS is gridded in a transverse Mercator projection centred on the box, so cells are square metres.
 * Longer than most classes here: it is the one owner of the three transforms (CRS, plane, WGS84) every cell
 * lookup, centre and corner goes through.
 */
public final class Grid {
    private static final CRSFactory CRS_FACTORY = RegionCrs.CRS_FACTORY;
    private static final CoordinateTransformFactory TRANSFORMS = RegionCrs.TRANSFORMS;
    private static final CoordinateReferenceSystem WGS84 = RegionCrs.WGS84;

    private final RegionSpec spec;
    private final CoordinateReferenceSystem crs;
    private final CoordinateTransform toPlane;     // region CRS -> planar grid coordinates (null: identity)
    private final CoordinateTransform wgs84ToCrs;  // lon/lat -> region CRS (null: identity)
    private final CoordinateTransform planeToWgs84; // planar grid coordinates -> lon/lat, for map-ready output
    private final double metresPerPlaneUnit;
    private final double planeMinX;
    private final double planeMinY;
    private final int rows;
    private final int cols;
    private boolean[] study; // computed on first use: a street-level grid takes about a second

    public Grid(RegionSpec spec) {
        this.spec = spec;
        this.crs = RegionCrs.parse(spec.crs());
        BoundingBox box = spec.bbox();
        RegionCrs.checkBoxUnits(spec, crs);
        if (geographic()) {
            double lon0 = (box.minX() + box.maxX()) / 2;
            double lat0 = (box.minY() + box.maxY()) / 2;
            CoordinateReferenceSystem local = CRS_FACTORY.createFromParameters(spec.name() + "-grid",
                    "+proj=tmerc +lat_0=%s +lon_0=%s +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs".formatted(lat0, lon0));
            toPlane = TRANSFORMS.createTransform(crs, local);
            planeToWgs84 = TRANSFORMS.createTransform(local, WGS84);
            metresPerPlaneUnit = 1.0;
        } else {
            toPlane = null;
            planeToWgs84 = TRANSFORMS.createTransform(crs, WGS84);
            metresPerPlaneUnit = 1.0 / crs.getProjection().getFromMetres();
        }
        wgs84ToCrs = crs.getParameterString().equals(WGS84.getParameterString()) ? null : TRANSFORMS.createTransform(WGS84, crs);
        // Corners and edge midpoints cover the curvature of a geographic box.
        BoundingBox plane = RegionCrs.envelope(toPlane, box);
        planeMinX = plane.minX();
        planeMinY = plane.minY();
        double cellUnits = spec.cellSizeMeters() / metresPerPlaneUnit;
        // In doubles first: a tiny cell size would overflow int rows x cols.
        double colsNeeded = Math.max(1, Math.ceil((plane.maxX() - plane.minX()) / cellUnits - 1e-9));
        double rowsNeeded = Math.max(1, Math.ceil((plane.maxY() - plane.minY()) / cellUnits - 1e-9));
        if (rowsNeeded * colsNeeded > spec.maxCells()) {
            throw new IllegalArgumentException(("grid: %,.0f rows x %,.0f cols = %,.0f cells of %s m, over the limit of %,d cells;"
                    + " use a larger cellSizeMeters, check the bbox, or raise maxCells in the region file")
                    .formatted(rowsNeeded, colsNeeded, rowsNeeded * colsNeeded, spec.cellSizeMeters(), spec.maxCells()));
        }
        cols = (int) colsNeeded;
        rows = (int) rowsNeeded;
        if (spec.studyArea() != null) {
            spec.studyArea().checkOverlaps(this);
        }
    }

    public boolean geographic() {
        return RegionCrs.geographic(crs);
    }

    /** The bounding box in WGS84 longitude (x) and latitude (y). */
    public BoundingBox boxInLonLat() {
        return wgs84ToCrs == null ? spec.bbox() : RegionCrs.envelope(TRANSFORMS.createTransform(crs, WGS84), spec.bbox());
    }

    /**
     * The study area's outline as closed WGS84 [longitude, latitude] rings, for maps: the {@code studyArea} polygon's
     * rings (holes too), or else the bounding box.
     */
    public List<double[][]> studyOutlineLonLat() {
        return spec.studyArea() != null ? spec.studyArea().ringsLonLat() : List.<double[][]>of(StudyArea.boxRing(this));
    }

    /** A point in the region's CRS as WGS84 {longitude, latitude}. */
    public double[] crsToLonLat(double x, double y) {
        if (wgs84ToCrs == null) {
            return new double[]{x, y};
        }
        ProjCoordinate p = TRANSFORMS.createTransform(crs, WGS84).transform(new ProjCoordinate(x, y), new ProjCoordinate());
        return new double[]{p.x, p.y};
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

    /** A cell's centre as WGS84 {latitude, longitude}. */
    public double[] centreLatLon(int id) {
        double[] lonLat = planeToLonLat(id, 0.5, 0.5);
        return new double[]{lonLat[1], lonLat[0]};
    }

    /**
     * A cell's corners as WGS84 [longitude, latitude], counter-clockwise from its minimum corner and closed (the
     * first corner again last): a GeoJSON polygon ring.
     */
    public double[][] cornersLonLat(int id) {
        return new double[][]{planeToLonLat(id, 0, 0), planeToLonLat(id, 1, 0), planeToLonLat(id, 1, 1), planeToLonLat(id, 0, 1),
                planeToLonLat(id, 0, 0)};
    }

    /**
     * Whether any part of a cell lies in the bounding box (its centre, a corner or an edge's midpoint does). The grid
     * overhangs the box; a geographic box's cells near its corners can lie wholly outside it and never hold an
     * incident, so they are no place to flag or to count in a study area.
     */
    public boolean touchesBox(int id) {
        for (double fx : new double[]{0.5, 0, 1}) {
            for (double fy : new double[]{0.5, 0, 1}) {
                double[] lonLat = planeToLonLat(id, fx, fy);
                if (locateLatLon(lonLat[1], lonLat[0]).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a cell is in the region's study area: its centre lies in the {@code studyArea} polygon, or without one,
     * the cell touches the bounding box.
     */
    public boolean inStudyArea(int id) {
        return studyCells()[id];
    }

    public int studyCellCount() {
        int n = 0;
        for (boolean in : studyCells()) {
            n += in ? 1 : 0;
        }
        return n;
    }

    /** The region's hotspot rule applied to per-cell values, flagging only cells in the study area. */
    public boolean[] flagHotspots(double[] values) {
        return spec.hotspot().flag(values, studyCells());
    }

    private synchronized boolean[] studyCells() {
        if (study == null) {
            study = StudyArea.cells(this);
        }
        return study;
    }

    public Area cellArea() {
        return new Area(spec.cellSizeMeters() * spec.cellSizeMeters());
    }

    /** The point at fractions (fx, fy) across a cell, as {longitude, latitude}. */
    private double[] planeToLonLat(int id, double fx, double fy) {
        Cell c = cell(id);
        double cellUnits = spec.cellSizeMeters() / metresPerPlaneUnit;
        ProjCoordinate out = new ProjCoordinate();
        synchronized (planeToWgs84) { // proj4j transforms keep state
            planeToWgs84.transform(new ProjCoordinate(planeMinX + (c.col() + fx) * cellUnits, planeMinY + (c.row() + fy) * cellUnits), out);
        }
        return new double[]{out.x, out.y};
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
