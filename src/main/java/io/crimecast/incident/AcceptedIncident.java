package io.crimecast.incident;

import java.time.LocalDate;

/**
 * A valid incident placed in a region's grid and local calendar. It carries the original bytes so a later stage
 * can still reject it (duplicate, too late) with them.
 */
public record AcceptedIncident(String id, String region, int cell, LocalDate localDate, long occurredAtMillis,
                               String category, byte[] original) {
}
