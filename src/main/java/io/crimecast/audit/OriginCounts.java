package io.crimecast.audit;

import io.crimecast.forecast.FlagBudget;
import io.crimecast.grid.FeedbackCorrection;
import io.crimecast.incident.Origin;
import io.crimecast.replay.IncidentFileReader.TimedIncident;
import io.crimecast.train.CountMatrix;

import java.util.List;

/** Daily counts, and day by day beside them the officer-initiated incidents among them (null when there are none). */
public record OriginCounts(CountMatrix all, int[][] officerInitiated) {
    /** The correction's draws are seeded, so retraining on the same files gives the same counts. */
    static final long CORRECTION_SEED = 20180101L;

    /** @param incidents the incidents {@code all} was counted from (others in them are ignored) */
    public static OriginCounts of(CountMatrix all, List<TimedIncident> incidents) {
        List<TimedIncident> officer = incidents.stream()
                .filter(t -> Origin.parse(t.incident().origin()) == Origin.OFFICER_INITIATED).toList();
        if (officer.isEmpty()) {
            return new OriginCounts(all, null);
        }
        CountMatrix counted;
        try {
            counted = CountMatrix.fromIncidents(all.grid(), officer);
        } catch (IllegalArgumentException noneInTheRegion) {
            return new OriginCounts(all, null);
        }
        int[][] aligned = new int[all.days()][];
        for (int d = 0; d < aligned.length; d++) {
            int i = counted.indexOf(all.date(d));
            aligned[d] = i >= 0 && i < counted.days() ? counted.counts()[i] : new int[all.cells()];
        }
        return new OriginCounts(all, aligned);
    }

    /**
     * The counts training sees under {@code correction}: the officer-initiated incidents found in the cells the
     * correction's replay flagged each day (from the second day on) kept each with its weight's probability.
     */
    public FlagReplay.Counted corrected(FeedbackCorrection correction) {
        if (all.days() < 2) {
            return new FlagReplay.Counted(all, 0, 0);
        }
        FlagBudget budget = FlagBudget.of(all.grid(), correction.flagArea(), null);
        return new FlagReplay(all, officerInitiated, budget, correction.lookbackDays(), all.firstDay().plusDays(1), all.lastDay())
                .counted(new Feedback(0, correction.officerInitiatedWeight()), CORRECTION_SEED);
    }
}
