package io.crimecast.grid;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A region as its YAML file declares it. The file format is a user-facing contract (see README).
 *
 * @param retention how long a closed day still accepts late incidents (as corrections); default 30 days
 * @param earliest  incidents before this local date are refused as impossible (a placeholder date such as
 *                  1970-01-01 would otherwise open decades of empty days); default 2000-01-01
 * @param maxCells  the most cells the grid may have; default 2,000,000 (a typo in the box or the cell size
 *                  otherwise asks for millions of cells and every closed day writes a record per cell)
 * @param layers    crime-type layers, each counted and forecast on its own; default one layer, {@code all}
 * @param horizons  the periods, in days, forecast beside the next day (weekly, from each Monday); default the NIJ
 *                  challenge's 7, 14, 31, 61 and 92 days
 * @param studyArea where hotspots may be flagged and PAI's area is measured; default the cells touching the box
 * @param feedbackCorrection how training discounts officer-initiated incidents in flagged cells; default none
 */
public record RegionSpec(String name, String crs, BoundingBox bbox, double cellSizeMeters, ZoneId timeZone,
                         Duration grace, HotspotRule hotspot, Duration retention, LocalDate earliest,
                         Integer maxCells, List<Layer> layers, List<Integer> horizons, StudyArea studyArea,
                         FeedbackCorrection feedbackCorrection) {
    public static final String WGS84 = "EPSG:4326";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    public static final LocalDate DEFAULT_EARLIEST = LocalDate.of(2000, 1, 1);
    public static final int DEFAULT_MAX_CELLS = 2_000_000;
    public static final List<Integer> DEFAULT_HORIZONS = List.of(7, 14, 31, 61, 92);
    /** Long horizons read at most this much history (the stream keeps 400 days). */
    public static final int MAX_HORIZON_DAYS = 366;

    public RegionSpec {
        if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("name: required, letters, digits, '.', '_' or '-' only, was " + name);
        }
        crs = crs == null || crs.isBlank() ? WGS84 : crs.trim();
        Objects.requireNonNull(bbox, "bbox: required ({minX, minY, maxX, maxY} in the CRS's units)");
        if (!(cellSizeMeters > 0)) {
            throw new IllegalArgumentException("cellSizeMeters: required and positive, was " + cellSizeMeters);
        }
        Objects.requireNonNull(timeZone, "timeZone: required (an IANA zone such as America/New_York)");
        grace = grace == null ? Duration.ZERO : grace;
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, was " + grace);
        }
        Objects.requireNonNull(hotspot, "hotspot: required ({topPercent: K}, {minCount: N} or {area: \"0.25 sq mi\"})");
        hotspot = hotspot.forCellArea(cellSizeMeters * cellSizeMeters);
        if (hotspot.area() != null && hotspot.cells() < 1) {
            throw new IllegalArgumentException("hotspot.area: " + hotspot.area() + " is smaller than one cell of " + cellSizeMeters + " m");
        }
        retention = retention == null ? DEFAULT_RETENTION : retention;
        earliest = earliest == null ? DEFAULT_EARLIEST : earliest;
        maxCells = maxCells == null ? DEFAULT_MAX_CELLS : maxCells;
        if (maxCells < 1) {
            throw new IllegalArgumentException("maxCells must be at least 1, was " + maxCells);
        }
        layers = Layer.checked(layers);
        if (horizons != null && horizons.stream().anyMatch(h -> h == null || h < 2 || h > MAX_HORIZON_DAYS)) {
            throw new IllegalArgumentException("horizons: days from 2 to " + MAX_HORIZON_DAYS + " (the next day is always forecast), were " + horizons);
        }
        horizons = horizons == null ? DEFAULT_HORIZONS : horizons.stream().distinct().sorted().toList();
        feedbackCorrection = feedbackCorrection == null ? null : feedbackCorrection.withAreaOr(hotspot.area());
        if (retention.compareTo(grace) < 0) {
            throw new IllegalArgumentException("retention (" + retention + ") must be at least the grace period (" + grace + ")");
        }
    }

    /** The layer named {@code name}; a clear error naming the region's layers otherwise. */
    public Layer layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "region " + this.name + " has no layer '" + name + "'; its layers: " + layers.stream().map(Layer::name).toList()));
    }
}
