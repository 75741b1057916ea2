package io.crimecast.model;

import java.time.LocalDate;

/**
 * Closed daily counts of a region, oldest day first, ending with {@code lastDay}; {@code days[d][cell]}. {@code before}
 * sums the region's days before the first of these (the stream keeps a year and a bit of days, but the per-cell network
 * reads all history). It may be shorter than a forecaster asks for when the region is new.
 */
public record DayHistory(LocalDate lastDay, int[][] days, Before before) {
    public DayHistory {
        before = before == null ? Before.NONE : before;
    }

    public DayHistory(LocalDate lastDay, int[][] days) {
        this(lastDay, days, Before.NONE);
    }

    public int length() {
        return days.length;
    }

    public LocalDate firstDay() {
        return lastDay.minusDays(days.length - 1L);
    }

    /** The days before a history as per-cell totals: how many days, and the incidents of each cell in them. */
    public record Before(int days, int[] counts) {
        public static final Before NONE = new Before(0, new int[0]);

        public Before {
            if (days < 0 || (days > 0 && counts == null)) {
                throw new IllegalArgumentException("days must be >= 0 and counts given when there are days");
            }
        }

        /** The total of {@code cell} (0 with no days). */
        public int count(int cell) {
            return days == 0 ? 0 : counts[cell];
        }
    }
}
