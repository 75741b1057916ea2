package io.crimecast.replay;

import java.time.format.DateTimeFormatter;

/**
 * Which columns of a CSV hold an incident's fields. {@code idCol} may be null (ids become file#row),
 * {@code timePattern} null means ISO-8601; x/y are in the region's CRS (lon/lat for a WGS84 region);
 * {@code originCol}, when given, holds reported, officer-initiated or unknown (blank: unknown).
 */
public record ColumnMapping(String idCol, String timeCol, String timePattern, String xCol, String yCol,
                            String categoryCol, boolean latLon, String originCol) {

    public static final ColumnMapping PHILADELPHIA =
            new ColumnMapping("objectid", "dispatch_date_time", "yyyy-MM-dd HH:mm:ss[.SSS]x", "point_x", "point_y", "text_general_code", true);
    public static final ColumnMapping PORTLAND_NIJ =
            new ColumnMapping(null, "occ_date", "[yyyy-MM-dd][yyyyMMdd][M/d/yyyy]", "x_coordinate", "y_coordinate", "category", false);

    /** A mapping without an origin column: every incident's origin is unknown. */
    public ColumnMapping(String idCol, String timeCol, String timePattern, String xCol, String yCol, String categoryCol, boolean latLon) {
        this(idCol, timeCol, timePattern, xCol, yCol, categoryCol, latLon, null);
    }

    public ColumnMapping {
        if (timeCol == null || xCol == null || yCol == null) {
            throw new IllegalArgumentException("a CSV mapping needs at least --time-col, --x-col and --y-col");
        }
        if (timePattern != null) {
            try {
                DateTimeFormatter.ofPattern(timePattern);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--time-pattern '" + timePattern + "' is not a java.time pattern: " + e.getMessage(), e);
            }
        }
    }

    public static ColumnMapping forFormat(IncidentFormat format, ColumnMapping csvMapping) {
        return switch (format) {
            case PHILADELPHIA -> PHILADELPHIA;
            case PORTLAND_NIJ -> PORTLAND_NIJ;
            case CSV -> {
                if (csvMapping == null) {
                    throw new IllegalArgumentException("--format csv needs --time-col, --x-col and --y-col");
                }
                yield csvMapping;
            }
        };
    }

    /** This mapping with {@code column} read as the category, e.g. audit's district column. */
    public ColumnMapping withCategoryCol(String column) {
        return new ColumnMapping(idCol, timeCol, timePattern, xCol, yCol, column, latLon, originCol);
    }
}
