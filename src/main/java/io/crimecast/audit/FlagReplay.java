package io.crimecast.audit;

import io.crimecast.forecast.FlagBudget;
import io.crimecast.train.CountMatrix;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Replays a period day by day: each day the budget's cells a trailing-count forecaster ranks highest from the days
 * before it, as forecast's trailing-N-day candidate would (TrailingRate: the mean daily count over the last
 * {@code lookbackDays}, all days when fewer). What the forecaster counts of a flagged day can differ from what happened:
 * patrols discover extra incidents there, and a correction keeps each officer-initiated incident found there (real or
 * discovered) only with a probability. The window's sums roll forward one day at a time so a year's replay stays linear.
 */
public final class FlagReplay {
    private final CountMatrix counts;
    private final int[][] officerInitiated;
    private final FlagBudget budget;
    private final int lookbackDays;
    private final int first;
    private final int last;

    /**
     * @param counts           daily counts from the history's first day through {@code to} at least
     * @param officerInitiated the officer-initiated part of {@code counts}, day by day (null: none known)
     */
    public FlagReplay(CountMatrix counts, int[][] officerInitiated, FlagBudget budget, int lookbackDays, LocalDate from, LocalDate to) {
        if (lookbackDays < 1) {
            throw new IllegalArgumentException("--lookback must be a positive number of days, was " + lookbackDays);
        }
        if (!from.isAfter(counts.firstDay()) || to.isBefore(from) || to.isAfter(counts.lastDay())) {
            throw new IllegalArgumentException("--from %s --to %s must lie within the data after its first day (%s..%s)"
                    .formatted(from, to, counts.firstDay(), counts.lastDay()));
        }
        if (officerInitiated != null && officerInitiated.length != counts.days()) {
            throw new IllegalArgumentException("officer-initiated counts cover %d days, the counts %d".formatted(officerInitiated.length, counts.days()));
        }
        this.counts = counts;
        this.officerInitiated = officerInitiated;
        this.budget = budget;
        this.lookbackDays = lookbackDays;
        this.first = counts.indexOf(from);
        this.last = counts.indexOf(to);
    }

    /** The flagged cells of each day of the period, best first, with {@code feedback}'s discoveries drawn from {@code seed}. */
    public Flags run(Feedback feedback, long seed) {
        return replay(feedback, seed).flags();
    }

    /**
     * The counts as the forecaster counted them under {@code feedback} (every day through {@code to}), and how many
     * officer-initiated incidents were found in flagged cells and how many of them were kept.
     */
    public Counted counted(Feedback feedback, long seed) {
        Replayed r = replay(feedback, seed);
        int[][] counted = new int[last + 1][];
        for (int d = 0; d <= last; d++) {
            counted[d] = counts.counts()[d].clone();
            if (r.flaggedOn[d] != null) {
                for (int i = 0; i < r.flaggedOn[d].length; i++) {
                    counted[d][r.flaggedOn[d][i]] += r.change[d][i];
                }
            }
        }
        return new Counted(new CountMatrix(counts.grid(), counts.firstDay(), counted), r.found, r.kept);
    }

    /** The counts a correction left, and of the officer-initiated incidents found in flagged cells, how many it kept. */
    public record Counted(CountMatrix counts, long officerInitiatedInFlagged, long kept) {
    }

    /** Per day: the flagged cells whose count changed (in flag order) and by how much. */
    private record Replayed(Flags flags, int[][] flaggedOn, int[][] change, long found, long kept) {
    }

    private Replayed replay(Feedback feedback, long seed) {
        RandomGenerator random = new MersenneTwister(seed);
        int cells = counts.cells();
        double[] windowSum = new double[cells];
        int[][] change = new int[last + 1][];
        int[][] flaggedOn = new int[last + 1][];
        boolean thinned = feedback.weight() < 1;
        long found = 0;
        long kept = 0;
        List<int[]> flagged = new ArrayList<>();
        for (int d = 1; d <= last; d++) {
            add(windowSum, d - 1, flaggedOn, change, 1);
            if (d - 1 - lookbackDays >= 0) {
                add(windowSum, d - 1 - lookbackDays, flaggedOn, change, -1);
            }
            if (d < first) {
                continue;
            }
            int used = Math.min(lookbackDays, d);
            double[] expected = new double[cells];
            for (int c = 0; c < cells; c++) {
                expected[c] = windowSum[c] / used;
            }
            int[] today = budget.flag(expected);
            flagged.add(today);
            if (feedback.rate() > 0 || officerInitiated != null) {
                flaggedOn[d] = today;
                change[d] = new int[today.length];
                for (int i = 0; i < today.length; i++) {
                    int c = today[i];
                    int discovered = feedback.rate() > 0 ? new PoissonDistribution(random, feedback.rate() * expected[c],
                            PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample() : 0;
                    int real = officerInitiated == null ? 0 : officerInitiated[d][c];
                    int keep = thinned && real + discovered > 0
                            ? new BinomialDistribution(random, real + discovered, feedback.weight()).sample() : real + discovered;
                    change[d][i] = keep - real;
                    found += real + discovered;
                    kept += keep;
                }
            }
        }
        return new Replayed(new Flags(counts.date(first), flagged), flaggedOn, change, found, kept);
    }

    private void add(double[] windowSum, int day, int[][] flaggedOn, int[][] change, int sign) {
        int[] real = counts.counts()[day];
        for (int c = 0; c < windowSum.length; c++) {
            windowSum[c] += sign * real[c];
        }
        if (flaggedOn[day] != null) {
            for (int i = 0; i < flaggedOn[day].length; i++) {
                windowSum[flaggedOn[day][i]] += sign * change[day][i];
            }
        }
    }

    /** The real incidents of each cell on each day of the period: what the flags are judged against. */
    public int[][] actual() {
        return Arrays.copyOfRange(counts.counts(), first, last + 1);
    }
}
