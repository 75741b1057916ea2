package io.crimecast.eval;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestPeriodTest {

    @Test
    void quarterlyOriginsEndOnTheLastDayOldestFirst() {
        assertThat(TestPeriod.rolling(LocalDate.of(2021, 12, 31), 4, Period.ofMonths(3))).containsExactly(
                new TestPeriod(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 3, 31)),
                new TestPeriod(LocalDate.of(2021, 4, 1), LocalDate.of(2021, 6, 30)),
                new TestPeriod(LocalDate.of(2021, 7, 1), LocalDate.of(2021, 9, 30)),
                new TestPeriod(LocalDate.of(2021, 10, 1), LocalDate.of(2021, 12, 31)));
    }

    @Test
    void refusesNoOriginsAndBackwardPeriods() {
        assertThatThrownBy(() -> TestPeriod.rolling(LocalDate.of(2021, 12, 31), 0, Period.ofMonths(3))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TestPeriod(LocalDate.of(2021, 2, 1), LocalDate.of(2021, 1, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TestPeriod(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 1, 31)).days()).isEqualTo(31);
    }
}
