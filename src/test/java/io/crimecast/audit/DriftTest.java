package io.crimecast.audit;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DriftTest {
    @Test
    void weeklyOverlapFirstWeekBelowHalfAndSelfMadeFlags() {
        List<int[]> plain = new ArrayList<>();
        List<int[]> fed = new ArrayList<>();
        for (int d = 0; d < 8; d++) {
            plain.add(new int[]{0, 1});
            fed.add(d < 6 ? new int[]{1, 0} : d == 6 ? new int[]{0, 2} : new int[]{2, 3});
        }
        LocalDate from = LocalDate.of(2021, 1, 1);

        Drift drift = Drift.of(new Feedback(0.3, 0.5), new Flags(from, plain), new Flags(from, fed), 4);

        assertThat(drift.weeklyJaccard()).hasSize(2);
        assertThat(drift.weeklyJaccard().get(0)).isCloseTo((6 + 1 / 3.0) / 7, within(1e-12));
        assertThat(drift.weeklyJaccard().get(1)).isZero();
        assertThat(drift.weeksToHalf()).isEqualTo(2);
        assertThat(drift.selfMadeShare()).isCloseTo(3 / 16.0, within(1e-12)); // cell 2 on day 6, cells 2 and 3 on day 7
        assertThat(drift.rate()).isEqualTo(0.3);
        assertThat(drift.weight()).isEqualTo(0.5);
        assertThat(drift.persistence().distinctCells()).isEqualTo(4); // the feedback run's: cells 0 to 3
    }

    @Test
    void identicalRunsNeverDrift() {
        List<int[]> same = List.of(new int[]{4, 5}, new int[]{5, 6});
        Flags flags = new Flags(LocalDate.of(2021, 1, 1), same);

        Drift drift = Drift.of(new Feedback(0.1, 1), flags, flags, 7);

        assertThat(drift.weeklyJaccard()).containsExactly(1.0);
        assertThat(drift.weeksToHalf()).isNull();
        assertThat(drift.selfMadeShare()).isZero();
    }
}
