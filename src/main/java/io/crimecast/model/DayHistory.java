package io.crimecast.model;

import java.time.LocalDate;

/**
 * Closed daily counts of a region, oldest day first, ending with {@code lastDay}; {@code days[d][cell]}.
 * It may be shorter than a forecaster asks for when the region is new.
 */
public record DayHistory(LocalDate lastDay, int[][] days) {
    public int length() {
        return days.length;
    }
}
