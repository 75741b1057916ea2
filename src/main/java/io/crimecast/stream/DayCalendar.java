package io.crimecast.stream;

import io.crimecast.grid.RegionSpec;

import java.time.Instant;
import java.time.LocalDate;

/** Local calendar days of a region: 23, 24 or 25 hours long, depending on daylight saving. */
final class DayCalendar {
    private DayCalendar() {
    }

    static Instant endOf(RegionSpec region, LocalDate day) {
        return day.plusDays(1).atStartOfDay(region.timeZone()).toInstant();
    }

    /** The region time at which a day closes: its end plus the grace period. */
    static Instant closesAt(RegionSpec region, LocalDate day) {
        return endOf(region, day).plus(region.grace());
    }
}
