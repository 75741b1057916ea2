package io.crimecast.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrailingRateTest {
    private static final int[][] DAYS = {{1, 0}, {3, 0}, {2, 7}, {0, 1}}; // oldest first, two cells

    @Test
    void theMeanDailyCountOverTheLookbackTimesTheHorizon() {
        assertThat(new TrailingRate(2).expected(DAYS, 2, 7)).containsExactly(new double[]{7.0, 28.0}, within(1e-12)); // (2+0)/2*7, (7+1)/2*7
        assertThat(new TrailingRate(4).expected(DAYS, 2, 1)).containsExactly(new double[]{1.5, 2.0}, within(1e-12));
    }

    @Test
    void aLookbackLongerThanTheHistoryUsesAllOfIt() {
        assertThat(new TrailingRate(365).expected(DAYS, 2, 4)).containsExactly(new double[]{6.0, 8.0}, within(1e-12));
        assertThat(new TrailingRate(28).expected(new int[0][], 2, 7)).containsExactly(0.0, 0.0);
    }
}
