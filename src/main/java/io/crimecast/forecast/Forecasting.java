package io.crimecast.forecast;

import io.crimecast.eval.FlaggedAreaScore;
import io.crimecast.train.CountMatrix;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Forecast maps from the daily counts before a start day. Validation scores every candidate the way the map will
 * be judged (PAI of its flagged cells) on the same-length periods just before the start, each forecast only from
 * the days before its own period.
 */
public final class Forecasting {
    static final int VALIDATION_WINDOWS = 3;

    private final CountMatrix history;
    private final FlagBudget budget;

    /** @param history every day before the latest start to forecast (nothing from it on) */
    public Forecasting(CountMatrix history, FlagBudget budget) {
        this.history = history;
        this.budget = budget;
    }

    public HotspotMap forecast(Candidate candidate, LocalDate start, int horizonDays) {
        if (start.isAfter(history.lastDay().plusDays(1))) {
            throw new IllegalArgumentException("a forecast for " + start + " needs the days up to it; the history ends " + history.lastDay());
        }
        double[] expected = candidate.expected(history.slice(history.firstDay(), start), horizonDays);
        return new HotspotMap(candidate.name(), start, horizonDays, expected, budget.flag(expected));
    }

    /** PAI of each candidate on up to {@value #VALIDATION_WINDOWS} windows ending at {@code start}, and the best by mean. */
    public Validation validate(List<Candidate> candidates, LocalDate start, int horizonDays) {
        List<LocalDate> windows = new ArrayList<>();
        for (int k = 1; k <= VALIDATION_WINDOWS; k++) {
            LocalDate window = start.minusDays((long) k * horizonDays);
            if (window.isAfter(history.firstDay())) {
                windows.add(window);
            }
        }
        if (windows.isEmpty()) {
            throw new IllegalArgumentException(("no validation window for the %d-day horizon: the data before %s starts %s;"
                    + " give --model to choose without validation").formatted(horizonDays, start, history.firstDay()));
        }
        List<CandidateScore> scores = candidates.stream().map(c -> new CandidateScore(c.name(),
                windows.stream().mapToDouble(w -> score(forecast(c, w, horizonDays)).pai()).toArray())).toList();
        CandidateScore best = scores.stream()
                .max(Comparator.comparingDouble((CandidateScore s) -> Double.isNaN(s.meanPai()) ? Double.NEGATIVE_INFINITY : s.meanPai())
                        .thenComparing(s -> -scores.indexOf(s))) // ties: the earlier, simpler candidate
                .orElseThrow();
        return new Validation(horizonDays, windows, scores, best.model());
    }

    /** A map against the history's own counts of its period. */
    private FlaggedAreaScore score(HotspotMap map) {
        double[] actual = IncidentSplit.sum(history.slice(map.periodStart(), map.periodStart().plusDays(map.horizonDays())).counts(),
                history.cells());
        return score(map, actual);
    }

    public FlaggedAreaScore score(HotspotMap map, double[] actual) {
        return FlaggedAreaScore.of(map.flagged(), actual, budget.areaShare(map.flagged().length));
    }

    public FlagBudget budget() {
        return budget;
    }
}
