package io.crimecast.audit;

import io.crimecast.forecast.FlagBudget;
import io.crimecast.grid.Area;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConcentrationTest {
    @Test
    void giniIsZeroForEqualValuesAndGrowsAsTheTotalGathersInFewerCells() {
        assertThat(Concentration.gini(new int[]{1, 1, 1, 1})).isZero();
        assertThat(Concentration.gini(new int[]{4, 3, 2, 1})).isCloseTo(0.25, within(1e-12)); // 2·30/(4·10) − 5/4
        assertThat(Concentration.gini(new int[]{0, 1, 0, 0})).isCloseTo(0.75, within(1e-12)); // all in one of four: (n−1)/n
        assertThat(Concentration.gini(new int[]{0, 0})).isZero();
    }

    @Test
    void topShareTakesTheLargestValuesRoundedUpToWholeCells() {
        int[] oneToTen = {5, 1, 2, 3, 4, 6, 7, 8, 9, 10};
        assertThat(Concentration.topShare(oneToTen, 0.10)).isCloseTo(10 / 55.0, within(1e-12));
        assertThat(Concentration.topShare(oneToTen, 0.01)).isCloseTo(10 / 55.0, within(1e-12)); // at least one cell
        assertThat(Concentration.topShare(oneToTen, 0.25)).isCloseTo(27 / 55.0, within(1e-12)); // 3 cells: 10+9+8
    }

    @Test
    void flaggedCellsShareOfIncidentsAndAreaOverThePeriod() {
        // Four study cells of 1 m², one flagged a day: cell 0 on days 0 and 1, cell 1 on day 2.
        FlagBudget budget = new FlagBudget(1, new boolean[]{true, true, true, true}, new Area(1), new Area(4));
        Flags flags = new Flags(LocalDate.of(2021, 1, 1), List.of(new int[]{0}, new int[]{0}, new int[]{1}));
        int[][] actual = {{2, 1, 0, 1}, {1, 0, 0, 1}, {0, 1, 1, 0}};

        Concentration c = Concentration.of(flags, actual, budget);

        assertThat(c.incidentShare()).isEqualTo(0.5); // 2 + 1 + 1 of 8
        assertThat(c.areaShare()).isEqualTo(0.25);
        assertThat(c.pai()).isEqualTo(2.0);
        assertThat(c.gini()).isCloseTo(7 / 12.0, within(1e-12)); // flagged days {2, 1, 0, 0}: 2·11/(4·3) − 5/4
        assertThat(c.top1PercentShare()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(c.top10PercentShare()).isCloseTo(2 / 3.0, within(1e-12));
    }
}
