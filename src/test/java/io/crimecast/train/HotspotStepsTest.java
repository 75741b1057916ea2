package io.crimecast.train;

import io.crimecast.grid.Grid;
import io.crimecast.grid.HotspotRule;
import io.crimecast.model.HotspotTestGrids;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HotspotStepsTest {
    private final Grid grid = HotspotTestGrids.grid(1, 2, HotspotRule.topPercent(50));
    private final LocalDate first = LocalDate.of(2020, 1, 1);

    @Test
    void alignsStepsToTheAnchorAndDropsPartialStepsAtBothEnds() {
        int[][] days = new int[11][];
        for (int d = 0; d < days.length; d++) {
            days[d] = new int[]{d, 1};
        }
        CountMatrix matrix = new CountMatrix(grid, first, days);

        // anchor at day 4, steps of 3: [1..3], [4..6], [7..9]; day 0 and day 10 fall outside whole steps
        HotspotSteps steps = HotspotSteps.of(matrix, first.plusDays(4), first.plusDays(10), 3);

        assertThat(steps.firstDay()).isEqualTo(first.plusDays(1));
        assertThat(steps.counts()).isDeepEqualTo(new int[][]{{6, 3}, {15, 3}, {24, 3}});
        assertThat(steps.indexOf(first.plusDays(4))).isEqualTo(1);
        assertThat(steps.start(2)).isEqualTo(first.plusDays(7));
        assertThatThrownBy(() -> steps.indexOf(first.plusDays(5))).isInstanceOf(IllegalArgumentException.class);
    }
}
