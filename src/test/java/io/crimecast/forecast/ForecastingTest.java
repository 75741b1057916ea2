package io.crimecast.forecast;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.train.CountMatrix;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Validation forecasts each window from the days before it only, and picks by mean PAI. */
class ForecastingTest {
    private static final Grid GRID = new Grid(Regions.load("portland")); // 56 cells of 5 km
    private static final LocalDate FIRST = LocalDate.of(2020, 1, 1);
    private static final LocalDate START = FIRST.plusDays(400);
    private static final int STEADY = 5;
    private static final int BURST = 9;

    /** Cell 5: one incident a day throughout; cell 9: 50 a day, only in the last week before the start. */
    private static Forecasting forecasting() {
        int[][] counts = new int[400][GRID.cellCount()];
        for (int d = 0; d < 400; d++) {
            counts[d][STEADY] = 1;
            counts[d][BURST] = d >= 393 ? 50 : 0;
        }
        return new Forecasting(new CountMatrix(GRID, FIRST, counts), FlagBudget.of(GRID, "25 km2", null));
    }

    @Test
    void eachValidationWindowIsForecastFromTheDaysBeforeItOnly() {
        Validation v = forecasting().validate(List.of(TrailingCandidate.days(28)), START, 7);
        assertThat(v.windowStarts()).containsExactly(START.minusDays(7), START.minusDays(14), START.minusDays(21));
        double[] pai = v.scores().get(0).windowPai();
        // The latest window's burst is unknown to its forecast, which flags the steady cell: 7 of 357 incidents on 1 of 56 cells.
        assertThat(pai[0]).isCloseTo(7.0 / 357 * 56, within(1e-9));
        assertThat(pai[1]).isCloseTo(56, within(1e-9));
        assertThat(forecasting().forecast(TrailingCandidate.days(28), START, 7).flagged()).containsExactly(BURST);
    }

    @Test
    void picksTheBestMeanPaiAndNamesIt() {
        Validation v = forecasting().validate(Candidates.STANDARD, START, 7);
        assertThat(v.scores()).hasSize(Candidates.STANDARD.size());
        double best = v.scores().stream().mapToDouble(CandidateScore::meanPai).max().orElseThrow();
        assertThat(v.scores().stream().filter(s -> s.model().equals(v.chosen())).findFirst().orElseThrow().meanPai()).isEqualTo(best);
    }

    @Test
    void noHistoryBeforeAnyWindowIsAnError() {
        assertThatThrownBy(() -> forecasting().validate(Candidates.STANDARD, FIRST.plusDays(30), 92))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no validation window for the 92-day horizon");
    }
}
