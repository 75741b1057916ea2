package io.crimecast.replay;

import java.util.Locale;

/** The incident file layouts {@code replay}, {@code train} and {@code evaluate} read. */
public enum IncidentFormat {
    /** OpenDataPhilly incidents_part1_part2: objectid, dispatch_date_time (UTC), point_x/point_y (lon/lat). */
    PHILADELPHIA("philadelphia"),
    /** NIJ challenge (Portland): occ_date, x_coordinate/y_coordinate in the region's CRS, category. */
    PORTLAND_NIJ("portland-nij"),
    /** Any CSV, described by column mappings. */
    CSV("csv");

    private final String cliName;

    IncidentFormat(String cliName) {
        this.cliName = cliName;
    }

    public static IncidentFormat fromCli(String name) {
        for (IncidentFormat f : values()) {
            if (f.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "': use philadelphia, portland-nij or csv");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
