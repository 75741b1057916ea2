package io.crimecast.forecast;

import io.crimecast.grid.Grid;
import io.crimecast.replay.IncidentFileReader.TimedIncident;
import io.crimecast.train.CountMatrix;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A forecast's incidents: the chosen categories, split at its start (local dates in the region's zone). */
public final class IncidentSplit {
    private IncidentSplit() {
    }

    /** The incidents of any of {@code categories} (exact names, any case); all of them when none are given. */
    public static List<TimedIncident> ofCategories(List<TimedIncident> incidents, List<String> categories) {
        if (categories.isEmpty()) {
            return incidents;
        }
        Set<String> wanted = categories.stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<TimedIncident> kept = incidents.stream()
                .filter(t -> t.incident().category() != null && wanted.contains(t.incident().category().toLowerCase(Locale.ROOT))).toList();
        Set<String> present = kept.stream().map(t -> t.incident().category().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> missing = categories.stream().filter(c -> !present.contains(c.toLowerCase(Locale.ROOT))).toList();
        if (!missing.isEmpty()) {
            Set<String> known = incidents.stream().map(t -> t.incident().category()).filter(c -> c != null)
                    .collect(Collectors.toCollection(TreeSet::new));
            throw new IllegalArgumentException("no incident has the category " + missing + "; the files' categories are "
                    + (known.size() > 30 ? List.copyOf(known).subList(0, 30) + " and " + (known.size() - 30) + " more" : known));
        }
        return kept;
    }

    /**
     * Daily counts of the incidents before {@code start}, every day to the day before it (quiet days at the end
     * count zero), and nothing from {@code start} on: the only data a forecast for {@code start} sees.
     */
    public static CountMatrix before(Grid grid, List<TimedIncident> incidents, LocalDate start) {
        if (incidents.isEmpty()) {
            throw new IllegalArgumentException("no incidents to forecast from");
        }
        LocalDate first = localDate(grid, incidents.get(0));
        LocalDate last = localDate(grid, incidents.get(incidents.size() - 1));
        if (!start.isAfter(first) || start.isAfter(last.plusDays(1))) {
            throw new IllegalArgumentException("--start %s is outside the data (%s..%s): give a day after the first and at most the day after the last"
                    .formatted(start, first, last));
        }
        CountMatrix counted = CountMatrix.fromIncidents(grid, incidents.stream().filter(t -> localDate(grid, t).isBefore(start)).toList());
        int days = counted.indexOf(start);
        int[][] counts = Arrays.copyOf(counted.counts(), days);
        for (int d = counted.days(); d < days; d++) {
            counts[d] = new int[grid.cellCount()];
        }
        return new CountMatrix(grid, counted.firstDay(), counts);
    }

    /** Incidents per cell on the days {@code from} .. {@code from + days - 1}: what a forecast is scored against. */
    public static double[] actual(Grid grid, List<TimedIncident> incidents, LocalDate from, int days) {
        LocalDate to = from.plusDays(days);
        List<TimedIncident> period = incidents.stream().filter(t -> !localDate(grid, t).isBefore(from) && localDate(grid, t).isBefore(to)).toList();
        return period.isEmpty() ? new double[grid.cellCount()] : sum(CountMatrix.fromIncidents(grid, period).counts(), grid.cellCount());
    }

    /** The per-cell sum of days of counts. */
    static double[] sum(int[][] days, int cells) {
        double[] total = new double[cells];
        for (int[] day : days) {
            for (int c = 0; c < cells; c++) {
                total[c] += day[c];
            }
        }
        return total;
    }

    public static LocalDate lastDay(Grid grid, List<TimedIncident> incidents) {
        return localDate(grid, incidents.get(incidents.size() - 1));
    }

    private static LocalDate localDate(Grid grid, TimedIncident t) {
        return t.at().atZone(grid.spec().timeZone()).toLocalDate();
    }
}
