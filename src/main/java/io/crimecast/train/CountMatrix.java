package io.crimecast.train;

import io.crimecast.grid.Grid;
import io.crimecast.incident.IncidentValidator;
import io.crimecast.incident.Validation;
import io.crimecast.replay.IncidentFileReader;
import io.crimecast.topics.JsonSerde;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * A region's daily counts: {@code counts[day][cell]} for every local day from {@code firstDay}, zeros included.
 * Built the same way the topology counts (same validation, same grid, same local days).
 */
public record CountMatrix(Grid grid, LocalDate firstDay, int[][] counts) {

    public int days() {
        return counts.length;
    }

    public int cells() {
        return grid.cellCount();
    }

    public LocalDate lastDay() {
        return firstDay.plusDays(counts.length - 1L);
    }

    public LocalDate date(int dayIndex) {
        return firstDay.plusDays(dayIndex);
    }

    /** Index of {@code date}; may be negative or past the end when the date is outside the matrix. */
    public int indexOf(LocalDate date) {
        return (int) (date.toEpochDay() - firstDay.toEpochDay());
    }

    /** The days in [from, to), both clamped to the matrix. */
    public CountMatrix slice(LocalDate from, LocalDate toExclusive) {
        int a = Math.max(0, indexOf(from));
        int b = Math.min(days(), indexOf(toExclusive));
        int[][] part = new int[Math.max(0, b - a)][];
        System.arraycopy(counts, a, part, 0, part.length);
        return new CountMatrix(grid, date(a), part);
    }

    /**
     * Counts incidents the way the topology does: validated, placed in the grid, by local date; an id seen twice
     * is counted once. Incidents outside the region or otherwise invalid are left out.
     */
    public static CountMatrix fromIncidents(Grid grid, List<IncidentFileReader.TimedIncident> incidents) {
        IncidentValidator validator = new IncidentValidator(List.of(grid));
        long now = System.currentTimeMillis();
        TreeMap<LocalDate, int[]> byDay = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (IncidentFileReader.TimedIncident t : incidents) {
            byte[] json;
            try {
                json = JsonSerde.MAPPER.writeValueAsBytes(t.incident());
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            if (validator.validate(json, now) instanceof Validation.Accepted a && seen.add(a.incident().id())) {
                byDay.computeIfAbsent(a.incident().localDate(), d -> new int[grid.cellCount()])[a.incident().cell()]++;
            }
        }
        if (byDay.isEmpty()) {
            throw new IllegalArgumentException("no incident of the files falls in region " + grid.region());
        }
        return fromDays(grid, byDay);
    }

    /** The matrix from the first to the last day given; days in between that are missing count zero. */
    public static CountMatrix fromDays(Grid grid, TreeMap<LocalDate, int[]> byDay) {
        LocalDate first = byDay.firstKey();
        int[][] counts = new int[(int) (byDay.lastKey().toEpochDay() - first.toEpochDay() + 1)][];
        for (int d = 0; d < counts.length; d++) {
            counts[d] = byDay.getOrDefault(first.plusDays(d), new int[grid.cellCount()]);
        }
        return new CountMatrix(grid, first, counts);
    }
}
