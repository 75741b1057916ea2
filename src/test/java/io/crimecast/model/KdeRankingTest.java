package io.crimecast.model;

import io.crimecast.grid.Grid;
import io.crimecast.grid.HotspotRule;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KdeRankingTest {
    private final Grid grid = HotspotTestGrids.grid(9, 9, HotspotRule.topPercent(5));

    @Test
    void spreadsAPointSymmetricallyAndKeepsItsMassInsideTheGrid() {
        int centre = 4 * 9 + 4;
        int[][] window = new int[2][81];
        window[0][centre] = 6;
        window[1][centre] = 2; // per-step mean 4

        HotspotScores scores = new KdeRanking(2, 1.0).score(grid, window);

        double[] s = scores.score();
        assertThat(Arrays.stream(s).sum()).isCloseTo(4.0, within(1e-9));
        assertThat(HotspotRule.rankDescending(s)[0]).isEqualTo(centre);
        assertThat(s[centre - 1]).isCloseTo(s[centre + 1], within(1e-12)).isCloseTo(s[centre - 9], within(1e-12));
        // the Gaussian ratio between a neighbour and the centre along one axis: exp(-1/2)
        assertThat(s[centre + 1] / s[centre]).isCloseTo(Math.exp(-0.5), within(1e-9));
        assertThat(scores.expectedCount()).isEqualTo(s);
    }

    @Test
    void aWiderBandwidthFlattensThePeak() {
        int[][] window = new int[1][81];
        window[0][40] = 10;
        double narrow = new KdeRanking(1, 0.5).score(grid, window).score()[40];
        double wide = new KdeRanking(1, 2.0).score(grid, window).score()[40];
        assertThat(wide).isLessThan(narrow);
    }

    @Test
    void trailingCountRanksByTheWindowTotal() {
        int[][] window = {{1, 0, 3}, {2, 5, 0}};
        HotspotScores scores = new RankingByTrailingCount(2).score(HotspotTestGrids.grid(1, 3, HotspotRule.topPercent(5)), window);
        assertThat(scores.score()).containsExactly(3, 5, 3);
        assertThat(scores.expectedCount()).containsExactly(1.5, 2.5, 1.5);
    }
}
