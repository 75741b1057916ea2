package io.crimecast.forecast;

import io.crimecast.eval.FlaggedAreaScore;
import io.crimecast.grid.Area;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Layer;
import io.crimecast.replay.IncidentFileReader.TimedIncident;
import io.crimecast.train.CountMatrix;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The NIJ Real-Time Crime Forecasting Challenge's protocol: for each layer, validation window (its first day) and
 * horizon, every candidate forecasts from the days before the window only, flags its best cells within each area
 * budget, and is scored on the window's incidents (PAI, PEI*); then the mean over the windows.
 */
public final class NijEvaluation {
    public static final List<LocalDate> WINDOWS = List.of(LocalDate.of(2014, 3, 1), LocalDate.of(2015, 3, 1), LocalDate.of(2016, 3, 1));
    public static final List<Integer> HORIZONS = List.of(7, 14, 31, 61, 92);
    public static final List<String> FLAG_AREAS = List.of("0.25 sq mi", "0.75 sq mi");
    /** The rows of the map that flags the cells with the most incidents in the window: hindsight, not a forecast. */
    public static final String BEST_POSSIBLE = "best-possible";

    public record Protocol(List<LocalDate> windows, List<Integer> horizons, List<String> flagAreas, Area studyArea) {
    }

    private NijEvaluation() {
    }

    /** Every score, window by window, then the means (one row per model, layer, horizon and budget). */
    public static List<NijScore> run(Grid grid, List<TimedIncident> incidents, Protocol protocol, List<Candidate> candidates,
                                     Consumer<String> log) {
        List<FlagBudget> budgets = protocol.flagAreas().stream().map(a -> FlagBudget.of(grid, a, protocol.studyArea())).toList();
        List<NijScore> rows = new ArrayList<>();
        for (Layer layer : grid.spec().layers()) {
            List<TimedIncident> ofLayer = incidents.stream().filter(t -> layer.matches(t.incident().category())).toList();
            if (ofLayer.isEmpty()) {
                log.accept("layer %s: no incidents, skipped".formatted(layer.name()));
                continue;
            }
            CountMatrix counts = CountMatrix.fromIncidents(grid, ofLayer);
            for (LocalDate window : protocol.windows()) {
                if (!window.isAfter(counts.firstDay())) {
                    throw new IllegalArgumentException("window %s: no data before it (layer %s starts %s)".formatted(window, layer.name(), counts.firstDay()));
                }
                CountMatrix history = counts.slice(counts.firstDay(), window); // all a forecast sees
                for (int horizon : protocol.horizons()) {
                    if (window.plusDays(horizon - 1L).isAfter(counts.lastDay())) {
                        log.accept("layer %s, window %s, %d days: not scored, the data ends %s".formatted(layer.name(), window, horizon, counts.lastDay()));
                        continue;
                    }
                    double[] actual = IncidentSplit.sum(counts.slice(window, window.plusDays(horizon)).counts(), counts.cells());
                    for (Candidate candidate : candidates) {
                        double[] expected = candidate.expected(history, horizon);
                        for (int b = 0; b < budgets.size(); b++) {
                            rows.add(score(candidate.name(), expected, actual, budgets.get(b), layer, horizon, window, protocol.flagAreas().get(b)));
                        }
                    }
                    // The map that knew the window's incidents: the ceiling any map's PAI could reach there.
                    for (int b = 0; b < budgets.size(); b++) {
                        rows.add(score(BEST_POSSIBLE, actual, actual, budgets.get(b), layer, horizon, window, protocol.flagAreas().get(b)));
                    }
                }
                log.accept("layer %s, window %s scored".formatted(layer.name(), window));
            }
        }
        rows.addAll(means(rows));
        return rows;
    }

    private static NijScore score(String model, double[] expected, double[] actual, FlagBudget budget, Layer layer, int horizon,
                                  LocalDate window, String flagArea) {
        int[] flagged = budget.flag(expected);
        FlaggedAreaScore s = FlaggedAreaScore.of(flagged, actual, budget.areaShare(flagged.length));
        return new NijScore(model, layer.name(), horizon, window.toString(), flagArea, flagged.length, s.hits(), s.incidents(), s.bestHits(),
                s.pai(), s.pei(), null);
    }

    /** The mean PAI and PEI* over the windows with incidents, per model, layer, horizon and budget (in first-seen order). */
    static List<NijScore> means(List<NijScore> scores) {
        Map<List<Object>, List<NijScore>> groups = scores.stream().collect(Collectors.groupingBy(
                s -> List.of(s.model(), s.layer(), s.horizonDays(), s.flagArea()), LinkedHashMap::new, Collectors.toList()));
        return groups.values().stream().map(g -> {
            NijScore first = g.get(0);
            List<NijScore> scored = g.stream().filter(s -> !Double.isNaN(s.pai())).toList();
            return new NijScore(first.model(), first.layer(), first.horizonDays(), NijScore.MEAN, first.flagArea(), null, null, null, null,
                    mean(scored.stream().mapToDouble(NijScore::pai).average()), mean(scored.stream().mapToDouble(NijScore::pei).average()),
                    scored.size());
        }).toList();
    }

    private static double mean(OptionalDouble d) {
        return d.orElse(Double.NaN);
    }
}
