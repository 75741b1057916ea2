package io.crimecast.train;

import io.crimecast.model.HotspotWindow;

import java.time.LocalDate;

/** A count matrix summed into steps of {@code stepDays} days: {@code counts[step][cell]}, step 0 from {@code firstDay}. */
public record HotspotSteps(LocalDate firstDay, int stepDays, int[][] counts) {

    /**
     * Whole steps of the matrix up to {@code lastDayInclusive}, aligned so that one starts on {@code anchor} (the
     * first test day): days before the earliest whole step, or after the last, are left out.
     */
    public static HotspotSteps of(CountMatrix matrix, LocalDate anchor, LocalDate lastDayInclusive, int stepDays) {
        int anchorIndex = matrix.indexOf(anchor);
        if (anchorIndex < 0 || anchorIndex >= matrix.days()) {
            throw new IllegalArgumentException(anchor + " is outside the counts (" + matrix.firstDay() + ".." + matrix.lastDay() + ")");
        }
        int end = Math.min(matrix.days(), matrix.indexOf(lastDayInclusive) + 1);
        int before = anchorIndex / stepDays;
        int after = Math.max(0, end - anchorIndex) / stepDays;
        int[][] counts = HotspotWindow.sum(matrix.counts(), anchorIndex + after * stepDays, stepDays, before + after, matrix.cells());
        return new HotspotSteps(matrix.date(anchorIndex - before * stepDays), stepDays, counts);
    }

    public int size() {
        return counts.length;
    }

    /** Index of the step starting on {@code day}. */
    public int indexOf(LocalDate day) {
        long offset = day.toEpochDay() - firstDay.toEpochDay();
        if (offset % stepDays != 0) {
            throw new IllegalArgumentException(day + " does not start a step");
        }
        return (int) (offset / stepDays);
    }

    public LocalDate start(int step) {
        return firstDay.plusDays((long) step * stepDays);
    }
}
