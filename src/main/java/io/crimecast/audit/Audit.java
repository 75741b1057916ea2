package io.crimecast.audit;

import io.crimecast.forecast.FlagBudget;
import io.crimecast.train.CountMatrix;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Audits a trailing-count forecaster's daily flags over a period: replays it once as is for concentration,
 * persistence and districts, then once per feedback rate believing what patrols discover and once discounting it,
 * each against the plain run. Every replay draws from the same seed.
 */
public final class Audit {
    private Audit() {
    }

    /**
     * @param counts     daily counts of the chosen categories, from the first day of the files through {@code to}, and
     *                   the officer-initiated ones among them (thinned like discoveries in the corrected runs)
     * @param districtOfCell each cell's district (null: none), or null to leave districts out
     * @param discount   the weight a discovered incident gets in the corrected runs
     */
    public static Result run(OriginCounts origins, List<String> categories, FlagBudget budget, int lookbackDays,
                                  LocalDate from, LocalDate to, List<Double> rates, double discount, long seed,
                                  String[] districtOfCell) {
        CountMatrix counts = origins.all();
        FlagReplay replay = new FlagReplay(counts, origins.officerInitiated(), budget, lookbackDays, from, to);
        int[][] actual = replay.actual();
        Flags plain = replay.run(Feedback.NONE, seed);
        Concentration concentration = Concentration.of(plain, actual, budget);
        List<DistrictShare> shares = districtOfCell == null ? List.of()
                : DistrictShare.of(districtOfCell, plain.flaggedDays(counts.cells()), actual);
        List<Drift> drifts = new ArrayList<>();
        for (double rate : rates) {
            for (Feedback feedback : List.of(new Feedback(rate, 1), new Feedback(rate, discount))) {
                Flags fed = replay.run(feedback, seed);
                drifts.add(Drift.of(feedback, plain, fed, counts.cells()));
            }
        }
        int studyCells = 0;
        for (boolean inStudy : budget.studyCells()) {
            studyCells += inStudy ? 1 : 0;
        }
        long officerInitiated = 0;
        if (origins.officerInitiated() != null) {
            for (int d = counts.indexOf(from); d <= counts.indexOf(to); d++) {
                officerInitiated += Arrays.stream(origins.officerInitiated()[d]).sum();
            }
        }
        AuditReport report = new AuditReport(counts.grid().region(), categories, from, to, lookbackDays, budget.cells(),
                budget.flaggedArea(budget.cells()).squareMiles(), studyCells, seed, officerInitiated, concentration,
                Persistence.of(plain, counts.cells()), shares, drifts);
        return new Result(report, plain.flaggedDays(counts.cells()));
    }

    /** The report, and how many days the plain run flagged each cell (for the page's map). */
    public record Result(AuditReport report, int[] flaggedDays) {
    }
}
