package io.crimecast.incident;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An incident as published to the {@code incidents} topic (topics/schemas/incident.schema.json): a WGS84 lat/lon
 * or an x/y in the region's CRS, and a time that is ISO-8601 with an offset, or a local date-time or date read in
 * the region's time zone. {@code region}, when given, names the region to place it in (replay sets it); {@code origin},
 * when given, says how it became known (see {@link Origin}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Incident(String id, String occurredAt, Double lat, Double lon, Double x, Double y, String category,
                       String source, String region, String origin) {
}
