package io.crimecast.audit;

import io.crimecast.forecast.FlagBudget;
import io.crimecast.train.CountMatrix;
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
 * {@code lookbackDays}, all days when fewer). The window's sums roll forward one day at a time so a year's replay
 * stays linear, and they are doubles so discovered incidents can count as a fraction of one.
 */
public final class FlagReplay {
    private final CountMatrix counts;
    private final FlagBudget budget;
    private final int lookbackDays;
    private final int first;
    private final int last;

    /** @param counts daily counts from the history's first day through {@code to} at least */
    public FlagReplay(CountMatrix counts, FlagBudget budget, int lookbackDays, LocalDate from, LocalDate to) {
        if (lookbackDays < 1) {
            throw new IllegalArgumentException("--lookback must be a positive number of days, was " + lookbackDays);
        }
        if (!from.isAfter(counts.firstDay()) || to.isBefore(from) || to.isAfter(counts.lastDay())) {
            throw new IllegalArgumentException("--from %s --to %s must lie within the data after its first day (%s..%s)"
                    .formatted(from, to, counts.firstDay(), counts.lastDay()));
        }
        this.counts = counts;
        this.budget = budget;
        this.lookbackDays = lookbackDays;
        this.first = counts.indexOf(from);
        this.last = counts.indexOf(to);
    }

    /** The flagged cells of each day of the period, best first, with {@code feedback}'s discoveries drawn from {@code seed}. */
    public Flags run(Feedback feedback, long seed) {
        RandomGenerator random = new MersenneTwister(seed);
        int cells = counts.cells();
        double[] windowSum = new double[cells];
        double[][] discovered = new double[last + 1][]; // per day, the weighted discoveries of its flagged cells (in their order)
        int[][] flaggedOn = new int[last + 1][];
        List<int[]> flagged = new ArrayList<>();
        for (int d = 1; d <= last; d++) {
            add(windowSum, d - 1, flaggedOn, discovered, 1);
            if (d - 1 - lookbackDays >= 0) {
                add(windowSum, d - 1 - lookbackDays, flaggedOn, discovered, -1);
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
            if (feedback.rate() > 0) {
                flaggedOn[d] = today;
                discovered[d] = new double[today.length];
                for (int i = 0; i < today.length; i++) {
                    discovered[d][i] = feedback.weight() * new PoissonDistribution(random, feedback.rate() * expected[today[i]],
                            PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
                }
            }
        }
        return new Flags(counts.date(first), flagged);
    }

    private void add(double[] windowSum, int day, int[][] flaggedOn, double[][] discovered, int sign) {
        int[] real = counts.counts()[day];
        for (int c = 0; c < windowSum.length; c++) {
            windowSum[c] += sign * real[c];
        }
        if (flaggedOn[day] != null) {
            for (int i = 0; i < flaggedOn[day].length; i++) {
                windowSum[flaggedOn[day][i]] += sign * discovered[day][i];
            }
        }
    }

    /** The real incidents of each cell on each day of the period: what the flags are judged against. */
    public int[][] actual() {
        return Arrays.copyOfRange(counts.counts(), first, last + 1);
    }
}
