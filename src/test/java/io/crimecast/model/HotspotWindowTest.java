package io.crimecast.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HotspotWindowTest {

    @Test
    void sumsWholeStepsEndingBeforeTheEndAndZeroFillsDaysBeforeTheHistory() {
        int[][] days = {{1}, {2}, {3}, {4}, {5}};
        assertThat(HotspotWindow.sum(days, 5, 2, 2, 1)).isDeepEqualTo(new int[][]{{5}, {9}});
        assertThat(HotspotWindow.sum(days, 4, 2, 3, 1)).isDeepEqualTo(new int[][]{{0}, {3}, {7}});
        assertThat(HotspotWindow.sum(days, 5, 3, 2, 1)).isDeepEqualTo(new int[][]{{3}, {12}});
    }
}
