package io.crimecast.stream;

import java.time.LocalDate;
import java.util.Map;

/**
 * Per-region progress, kept in a state store so day closing survives restarts.
 *
 * @param firstDay           the first day the region saw (history starts here)
 * @param closedThrough      the last closed day; later days are open
 * @param eventMillis        the latest incident time seen (the region's stream time)
 * @param wallMillis         the wall-clock time at which {@code eventMillis} last advanced
 * @param provisionalThrough the last day whose next-day forecast went out provisional (null: none yet)
 * @param provisionalModels  the model version of each layer's latest provisional forecast
 * @param revised            an incident was counted for a day up to {@code provisionalThrough} after its provisional
 *                           forecast went out, so the final one must be sent in full
 */
public record RegionClock(LocalDate firstDay, LocalDate closedThrough, long eventMillis, long wallMillis,
                          LocalDate provisionalThrough, Map<String, String> provisionalModels, boolean revised) {

    public RegionClock {
        provisionalModels = provisionalModels == null ? Map.of() : Map.copyOf(provisionalModels);
    }

    static RegionClock startingAt(LocalDate firstDay, long eventMillis, long wallMillis) {
        return new RegionClock(firstDay, firstDay.minusDays(1), eventMillis, wallMillis, null, Map.of(), false);
    }

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
        return incidentMillis > eventMillis
                ? new RegionClock(firstDay, closedThrough, incidentMillis, nowMillis, provisionalThrough, provisionalModels, revised)
                : this;
    }

    public RegionClock closed(LocalDate day) {
        boolean caughtUp = provisionalThrough == null || !day.isBefore(provisionalThrough);
        return new RegionClock(firstDay, day, eventMillis, wallMillis, provisionalThrough, provisionalModels, revised && !caughtUp);
    }

    /** The clock after the next-day forecast of {@code day} went out provisional, made with these models. */
    public RegionClock provisional(LocalDate day, Map<String, String> models) {
        // With a grace period over a day, an earlier provisional forecast may still be outstanding: a model swap
        // since then means its final one differs too.
        boolean stillRevised = outstanding() && (revised || !models.equals(provisionalModels));
        return new RegionClock(firstDay, closedThrough, eventMillis, wallMillis, day, models, stillRevised);
    }

    /** The clock after counting an incident of {@code day}: it revises an outstanding provisional forecast that read it. */
    public RegionClock counted(LocalDate day) {
        return outstanding() && !day.isAfter(provisionalThrough) && !revised
                ? new RegionClock(firstDay, closedThrough, eventMillis, wallMillis, provisionalThrough, provisionalModels, true)
                : this;
    }

    /** Whether a layer's final next-day forecast from {@code day}, made by {@code model}, repeats its provisional one. */
    public boolean confirms(LocalDate day, String layer, String model) {
        return provisionalThrough != null && !day.isAfter(provisionalThrough) && !revised && model.equals(provisionalModels.get(layer));
    }

    /** The last day whose next-day forecast went out, provisional or final. */
    public LocalDate lastForecastFrom() {
        return outstanding() ? provisionalThrough : closedThrough;
    }

    private boolean outstanding() {
        return provisionalThrough != null && provisionalThrough.isAfter(closedThrough);
    }
}
