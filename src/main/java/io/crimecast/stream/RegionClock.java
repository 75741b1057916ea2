package io.crimecast.stream;

import java.time.LocalDate;

/**
 * Per-region progress, kept in a state store so day closing survives restarts.
 *
 * @param firstDay      the first day the region saw (history starts here)
 * @param closedThrough the last closed day; later days are open
 * @param eventMillis   the latest incident time seen (the region's stream time)
 * @param wallMillis    the wall-clock time at which {@code eventMillis} last advanced
 */
public record RegionClock(LocalDate firstDay, LocalDate closedThrough, long eventMillis, long wallMillis) {

    /** The region's time as of {@code nowMillis}: quiet input lets wall-clock time move it on. */
    public long effectiveMillis(long nowMillis) {
        return eventMillis + Math.max(0, nowMillis - wallMillis);
    }

    public RegionClock advancedTo(long incidentMillis, long nowMillis) {
        return incidentMillis > eventMillis ? new RegionClock(firstDay, closedThrough, incidentMillis, nowMillis) : this;
    }

    public RegionClock closed(LocalDate day) {
        return new RegionClock(firstDay, day, eventMillis, wallMillis);
    }
}
