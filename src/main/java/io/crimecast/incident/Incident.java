package io.crimecast.incident;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An incident as published to the {@code incidents} topic (topics/schemas/incident.schema.json): a WGS84 lat/lon
 * or an x/y in the region's CRS, and a time that is ISO-8601 with an offset, or a local date-time or date read in
 * the region's time zone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Incident(String id, String occurredAt, Double lat, Double lon, Double x, Double y, String category,
                       String source) {

    public static Incident atLatLon(String id, String occurredAt, double lat, double lon, String category, String source) {
        return new Incident(id, occurredAt, lat, lon, null, null, category, source);
    }

    public static Incident atXY(String id, String occurredAt, double x, double y, String category, String source) {
        return new Incident(id, occurredAt, null, null, x, y, category, source);
    }
}
