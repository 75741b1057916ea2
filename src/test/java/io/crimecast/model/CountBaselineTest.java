package io.crimecast.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountBaselineTest {
    /** Day d has count d in cell 0 and 2d in cell 1. */
    private static int[][] days(int n) {
        int[][] days = new int[n][];
        for (int d = 0; d < n; d++) {
            days[d] = new int[]{d, 2 * d};
        }
        return days;
    }

    @Test
    void predictsFromTheDaysBeforeTheTarget() {
        int[][] days = days(40);
        assertThat(CountBaseline.LAST_VALUE.predict(days, 30)).containsExactly(29, 58);
        assertThat(CountBaseline.MEAN_7.predict(days, 30)).containsExactly(26, 52);          // mean of 23..29
        assertThat(CountBaseline.MEAN_28.predict(days, 30)).containsExactly(15.5, 31);       // mean of 2..29
        assertThat(CountBaseline.SAME_WEEKDAY_4.predict(days, 30)).containsExactly(12.5, 25); // (23+16+9+2)/4
    }

    @Test
    void copesWithAShortHistory() {
        assertThat(CountBaseline.MEAN_28.predict(days(3), 3)).containsExactly(1, 2);
        assertThat(CountBaseline.SAME_WEEKDAY_4.predict(days(10), 10)).containsExactly(3, 6); // only day 3
        assertThat(CountBaseline.MEAN_7.predict(new int[0][], 0)).isEmpty();
    }
}
