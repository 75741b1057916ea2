package io.crimecast.audit;

import io.crimecast.forecast.FlagBudget;
import io.crimecast.forecast.TrailingCandidate;
import io.crimecast.grid.Grid;
import io.crimecast.grid.HotspotRule;
import io.crimecast.model.HotspotTestGrids;
import io.crimecast.train.CountMatrix;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay on a synthetic city of 100 one-km cells: 20 busy cells of similar rates (so the ranking among them is
 * close and feedback can tip it) in a quiet rest, 400 days of seeded Poisson counts, 5 cells flagged a day.
 */
class FlagReplayTest {
    private static final Grid GRID = HotspotTestGrids.grid(10, 10, HotspotRule.area("5 km2"));
    private static final FlagBudget BUDGET = FlagBudget.of(GRID, "5 km2", null);
    private static final LocalDate FIRST = LocalDate.of(2020, 1, 1);
    private static final CountMatrix CITY = city();

    private static CountMatrix city() {
        MersenneTwister random = new MersenneTwister(7);
        int[][] counts = new int[400][GRID.cellCount()];
        for (int c = 0; c < GRID.cellCount(); c++) {
            double rate = c % 5 == 0 ? 0.3 + 0.01 * (c % 20) : 0.02;
            PoissonDistribution poisson = new PoissonDistribution(random, rate, PoissonDistribution.DEFAULT_EPSILON,
                    PoissonDistribution.DEFAULT_MAX_ITERATIONS);
            for (int[] day : counts) {
                day[c] = poisson.sample();
            }
        }
        return new CountMatrix(GRID, FIRST, counts);
    }

    private static FlagReplay replay(int lookback) {
        return new FlagReplay(CITY, null, BUDGET, lookback, FIRST.plusDays(30), FIRST.plusDays(399));
    }

    @ParameterizedTest
    @ValueSource(ints = {28, 365})
    void thePlainRunFlagsWhatForecastsTrailingCandidateFlagsEachDay(int lookback) {
        Flags flags = replay(lookback).run(Feedback.NONE, 1);

        assertThat(flags.byDay()).hasSize(370);
        TrailingCandidate candidate = TrailingCandidate.days(lookback);
        for (int i = 0; i < flags.byDay().size(); i++) {
            CountMatrix before = CITY.slice(CITY.firstDay(), CITY.firstDay().plusDays(30 + i));
            assertThat(flags.byDay().get(i)).as("day %d", i).containsExactly(BUDGET.flag(candidate.expected(before, 1)));
        }
    }

    @Test
    void aZeroRateReplaysThePlainRunExactly() {
        FlagReplay replay = replay(28);
        Flags plain = replay.run(Feedback.NONE, 1);

        for (Feedback none : new Feedback[]{new Feedback(0, 1), new Feedback(0, 0.5)}) {
            Flags fed = replay.run(none, 99);
            assertThat(fed.byDay()).hasSameSizeAs(plain.byDay());
            for (int d = 0; d < plain.byDay().size(); d++) {
                assertThat(fed.byDay().get(d)).containsExactly(plain.byDay().get(d));
            }
        }
    }

    @Test
    void aHigherDiscoveryRateDriftsAtLeastAsFarAsALowerOne() {
        FlagReplay replay = replay(28);
        Flags plain = replay.run(Feedback.NONE, 1);

        double low = meanOverlap(plain, replay.run(new Feedback(0.1, 1), 1));
        double high = meanOverlap(plain, replay.run(new Feedback(1.0, 1), 1));

        assertThat(high).isLessThan(1.0);
        assertThat(high).isLessThanOrEqualTo(low);
    }

    @Test
    void discoveriesMakeTheFlagsStickToTheirCells() {
        FlagReplay replay = replay(28);
        Persistence plain = Persistence.of(replay.run(Feedback.NONE, 1), GRID.cellCount());
        Persistence fed = Persistence.of(replay.run(new Feedback(1.0, 1), 1), GRID.cellCount());

        assertThat(fed.meanRunDays()).isGreaterThan(plain.meanRunDays());
    }

    @Test
    void aCorrectionOfWeightZeroDropsEveryDiscoveryAndFlagsLikeThePlainRun() {
        FlagReplay replay = replay(28);
        Flags plain = replay.run(Feedback.NONE, 1);
        Flags corrected = replay.run(new Feedback(1.0, 0), 1);

        for (int d = 0; d < plain.byDay().size(); d++) {
            assertThat(corrected.byDay().get(d)).containsExactly(plain.byDay().get(d));
        }
    }

    /** Every incident of the busiest cells (every fifth) is officer-initiated: the correction drops them only on days they are flagged. */
    @Test
    void theCorrectedCountsLoseOfficerInitiatedIncidentsOnlyInCellsFlaggedThatDay() {
        int[][] officer = new int[CITY.days()][GRID.cellCount()];
        long total = 0;
        for (int d = 0; d < CITY.days(); d++) {
            for (int c = 0; c < GRID.cellCount(); c += 5) {
                officer[d][c] = CITY.counts()[d][c];
                total += officer[d][c];
            }
        }
        FlagReplay replay = new FlagReplay(CITY, officer, BUDGET, 28, FIRST.plusDays(30), FIRST.plusDays(399));

        FlagReplay.Counted believed = replay.counted(new Feedback(0, 1), 3);
        assertThat(believed.counts().counts()).isDeepEqualTo(CITY.counts());
        assertThat(believed.kept()).isEqualTo(believed.officerInitiatedInFlagged());

        FlagReplay.Counted dropped = replay.counted(new Feedback(0, 0), 3);
        Flags flags = replay.run(new Feedback(0, 0), 3);
        long inFlagged = 0;
        for (int d = 0; d < CITY.days(); d++) {
            java.util.Set<Integer> flaggedToday = new java.util.HashSet<>();
            if (d >= 30) {
                java.util.Arrays.stream(flags.byDay().get(d - 30)).forEach(flaggedToday::add);
            }
            for (int c = 0; c < GRID.cellCount(); c++) {
                int expected = flaggedToday.contains(c) ? CITY.counts()[d][c] - officer[d][c] : CITY.counts()[d][c];
                assertThat(dropped.counts().counts()[d][c]).as("day %d cell %d", d, c).isEqualTo(expected);
                inFlagged += flaggedToday.contains(c) ? officer[d][c] : 0;
            }
        }
        assertThat(dropped.officerInitiatedInFlagged()).isEqualTo(inFlagged).isPositive().isLessThan(total);
        assertThat(dropped.kept()).isZero();

        FlagReplay.Counted half = replay.counted(new Feedback(0, 0.5), 3);
        assertThat((double) half.kept() / half.officerInitiatedInFlagged()).isBetween(0.4, 0.6);
    }

    private static double meanOverlap(Flags plain, Flags fed) {
        return Drift.of(new Feedback(0, 1), plain, fed, GRID.cellCount()).weeklyJaccard().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
