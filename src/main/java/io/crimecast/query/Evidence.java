package io.crimecast.query;

import io.crimecast.grid.Grid;
import io.crimecast.stream.QueryableState;
import io.crimecast.topics.Output;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why a cell is flagged, from the model's inputs and its score only: the cell's counts over the windows the models
 * read (the last week, the 28 days the daily model scales by, the year the long horizons average) beside the average
 * cell's, its neighbours' counts, and how its rank moved since the forecast before.
 */
public record Evidence(String region, String layer, int horizonDays, LocalDate periodStart, Output.Status status, LocalDate asOf,
                       int cell, int row, int col, double lat, double lon, boolean flagged, Integer rank, Integer previousRank,
                       LocalDate previousPeriodStart, String rankMove, double expected, double hotspotProbability, String modelVersion,
                       List<Window> windows, List<Neighbour> neighbours, List<String> summary) {

    /** The windows, in days, ending the day before the period (the last day the forecast knew). */
    static final int[] WINDOW_DAYS = {7, 28, 365};
    private static final String[] WINDOW_NAMES = {"last week", "last 28 days", "last year"};

    /**
     * @param count the cell's incidents over the window; {@code cityMeanPerCell} the region's over the same days,
     *              per cell of the study area; {@code daysCovered} fewer than {@code days} while history is short
     */
    public record Window(String name, int days, LocalDate from, LocalDate to, int daysCovered, int count, double cityMeanPerCell,
                         Double ratio) {
    }

    public record Neighbour(int cell, int row, int col, int lastWeek, int last28Days) {
    }

    /** Each cell's counts and the region's totals over the three windows ending on {@code asOf}. */
    static final class WindowSums {
        final LocalDate asOf;
        final int[] daysCovered = new int[WINDOW_DAYS.length];
        final Map<Integer, int[]> cells = new HashMap<>();
        final int[] totals = new int[WINDOW_DAYS.length];

        WindowSums(LocalDate asOf) {
            this.asOf = asOf;
        }

        static WindowSums read(StateReader state, String region, String layer, LocalDate asOf) {
            WindowSums sums = new WindowSums(asOf);
            LocalDate first = state.firstCountedDay(region, layer).orElse(asOf.plusDays(1));
            for (int w = 0; w < WINDOW_DAYS.length; w++) {
                LocalDate from = asOf.minusDays(WINDOW_DAYS[w] - 1L);
                sums.daysCovered[w] = (int) Math.max(0, asOf.toEpochDay() - (from.isBefore(first) ? first : from).toEpochDay() + 1);
            }
            state.counts(region, layer, asOf.minusDays(WINDOW_DAYS[WINDOW_DAYS.length - 1] - 1L), asOf, (date, cell, count) -> {
                long ago = asOf.toEpochDay() - date.toEpochDay();
                int[] into = cell < 0 ? sums.totals : sums.cells.computeIfAbsent(cell, c -> new int[WINDOW_DAYS.length]);
                for (int w = 0; w < WINDOW_DAYS.length; w++) {
                    if (ago < WINDOW_DAYS[w]) {
                        into[w] += count;
                    }
                }
            });
            return sums;
        }

        int[] of(int cell) {
            return cells.getOrDefault(cell, new int[WINDOW_DAYS.length]);
        }
    }

    static Evidence of(Grid grid, int studyCells, String layer, Output.Hotspots forecast, Output.Hotspots previous,
                       QueryableState.CellScore score, int cell, WindowSums sums) {
        Integer rank = rankIn(forecast, cell);
        Integer previousRank = previous == null ? null : rankIn(previous, cell);
        int[] mine = sums.of(cell);
        List<Window> windows = new ArrayList<>();
        for (int w = 0; w < WINDOW_DAYS.length; w++) {
            double mean = sums.daysCovered[w] == 0 ? 0 : (double) sums.totals[w] / studyCells;
            windows.add(new Window(WINDOW_NAMES[w], WINDOW_DAYS[w], sums.asOf.minusDays(WINDOW_DAYS[w] - 1L), sums.asOf, sums.daysCovered[w],
                    mine[w], round(mean), mean > 0 ? round(mine[w] / mean) : null));
        }
        List<Neighbour> neighbours = new ArrayList<>();
        for (int n : grid.neighbourhood(cell)) {
            if (n >= 0 && n != cell) {
                int[] theirs = sums.of(n);
                neighbours.add(new Neighbour(n, grid.cell(n).row(), grid.cell(n).col(), theirs[0], theirs[1]));
            }
        }
        double expected = score == null ? 0 : score.expected();
        double probability = score == null ? 0 : score.hotspotProbability();
        String move = rankMove(rank, previousRank, previous);
        double[] centre = grid.centreLatLon(cell);
        return new Evidence(grid.region(), layer, forecast.horizonDays(), forecast.periodStart(), forecast.status(), sums.asOf, cell,
                grid.cell(cell).row(), grid.cell(cell).col(), centre[0], centre[1], rank != null, rank, previousRank,
                previous == null ? null : previous.periodStart(), move, expected, probability, forecast.modelVersion(), windows, neighbours,
                summary(forecast, rank, move, expected, probability, windows, neighbours));
    }

    private static Integer rankIn(Output.Hotspots hotspots, int cell) {
        return hotspots.cells().stream().filter(c -> c.cell() == cell).map(Output.RankedCell::rank).findFirst().orElse(null);
    }

    private static String rankMove(Integer rank, Integer previousRank, Output.Hotspots previous) {
        if (previous == null) {
            return "no earlier forecast kept";
        }
        if (rank == null) {
            return previousRank == null ? "not flagged, nor in the forecast before" : "dropped out (was #" + previousRank + ")";
        }
        if (previousRank == null) {
            return "new among the flagged";
        }
        int by = previousRank - rank;
        return by == 0 ? "unchanged at #" + rank : (by > 0 ? "up " + by : "down " + -by) + (Math.abs(by) == 1 ? " place" : " places")
                + " (was #" + previousRank + ")";
    }

    private static List<String> summary(Output.Hotspots forecast, Integer rank, String move, double expected, double probability,
                                        List<Window> windows, List<Neighbour> neighbours) {
        List<String> lines = new ArrayList<>();
        String period = forecast.horizonDays() == 1 ? forecast.periodStart().toString() : forecast.periodStart() + " to " + forecast.periodEnd();
        lines.add((rank == null ? "Not flagged" : "Ranked #" + rank + " of " + forecast.flaggedCells() + " flagged")
                + String.format(Locale.ROOT, ": %.2f incidents expected over %s, probability of a hotspot %.2f.", expected, period, probability));
        lines.add("Since the forecast before: " + move + ".");
        if (forecast.status() == Output.Status.PROVISIONAL) {
            lines.add("Provisional: made at midnight from the day's counts so far; the windows below end on the last closed day, "
                    + windows.get(0).to() + ".");
        }
        for (Window w : windows) {
            String shortHistory = w.daysCovered() < w.days() ? " (only " + w.daysCovered() + " days of history kept)" : "";
            lines.add(String.format(Locale.ROOT, "%s (%s to %s): %d incidents here; the average cell had %.2f%s%s.",
                    capitalised(w.name()), w.from(), w.to(), w.count(), w.cityMeanPerCell(),
                    w.ratio() == null ? "" : String.format(Locale.ROOT, ", so %.1f times the average", w.ratio()), shortHistory));
        }
        int week = neighbours.stream().mapToInt(Neighbour::lastWeek).sum();
        int month = neighbours.stream().mapToInt(Neighbour::last28Days).sum();
        lines.add(String.format(Locale.ROOT, "Its %d neighbours: %d incidents in the last week, %d in the last 28 days (%.2f and %.2f each).",
                neighbours.size(), week, month, neighbours.isEmpty() ? 0.0 : (double) week / neighbours.size(),
                neighbours.isEmpty() ? 0.0 : (double) month / neighbours.size()));
        return lines;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
