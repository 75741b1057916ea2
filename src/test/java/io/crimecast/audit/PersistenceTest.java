package io.crimecast.audit;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PersistenceTest {
    private static Flags flags(int[]... days) {
        return new Flags(LocalDate.of(2021, 1, 1), List.of(days));
    }

    @Test
    void runsTurnoverAndDistinctCellsOfAHandMadeWeek() {
        // cell 0 days 0-2 (3), cell 1 days 0-1 (2), cell 2 days 2-3 (2, still running at the end)
        Flags f = flags(new int[]{0, 1}, new int[]{1, 0}, new int[]{0, 2}, new int[]{2});

        Persistence p = Persistence.of(f, 4);

        assertThat(p.distinctCells()).isEqualTo(3);
        assertThat(p.meanRunDays()).isCloseTo(7 / 3.0, within(1e-12));
        assertThat(p.medianRunDays()).isEqualTo(2.0);
        // turnover: {0,1}→{0,1} 0, {0,1}→{0,2} 1 − 1/3, {0,2}→{2} 1 − 1/2
        assertThat(p.meanTurnover()).isCloseTo((0 + 2 / 3.0 + 0.5) / 3, within(1e-12));
    }

    @Test
    void aCellFlaggedAgainAfterAGapStartsANewRun() {
        Flags f = flags(new int[]{0}, new int[]{}, new int[]{0}, new int[]{0});

        assertThat(Persistence.runLengths(f, 1)).containsExactly(1, 2);
        Persistence p = Persistence.of(f, 1);
        assertThat(p.medianRunDays()).isEqualTo(1.5);
        assertThat(p.meanTurnover()).isCloseTo(2 / 3.0, within(1e-12)); // {0}→{} 1, {}→{0} 1, {0}→{0} 0
    }
}
