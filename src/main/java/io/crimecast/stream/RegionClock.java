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

    /**
     * The region's time as of {@code nowMillis}. When the feed was live (its last incident arrived within
     * {@code liveLagMillis} of happening), quiet input lets wall-clock time move it on; a replay of the past is driven
     * by event time only, so a pause in a replay does not close days early.
     */
    public long effectiveMillis(long nowMillis, long liveLagMillis) {
        boolean live = wallMillis - eventMillis <= liveLagMillis;
        return live ? eventMillis + Math.max(0, nowMillis - wallMillis) : eventMillis;
    }

    public RegionClock advancedTo(long incidentMillis, long nowMillis) {
        return incidentMillis > eventMillis ? new RegionClock(firstDay, closedThrough, incidentMillis, nowMillis) : this;
    }

    public RegionClock closed(LocalDate day) {
        return new RegionClock(firstDay, day, eventMillis, wallMillis);
    }
}
