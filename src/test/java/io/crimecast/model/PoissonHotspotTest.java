package io.crimecast.model;

import io.crimecast.grid.HotspotRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PoissonHotspotTest {

    @Test
    void tailProbabilityMatchesHandComputedValues() {
        assertThat(PoissonHotspot.tailAtLeast(1, 2)).isCloseTo(1 - Math.exp(-2), within(1e-12));
        assertThat(PoissonHotspot.tailAtLeast(2, 1)).isCloseTo(1 - 2 * Math.exp(-1), within(1e-12));
        assertThat(PoissonHotspot.tailAtLeast(3, 0)).isZero();
        assertThat(PoissonHotspot.tailAtLeast(0, 5)).isEqualTo(1);
    }

    @Test
    void minCountRuleUsesTheCountItself() {
        double[] p = PoissonHotspot.probability(new double[]{1, 2}, HotspotRule.minCount(2), new int[0][]);
        assertThat(p[0]).isCloseTo(1 - 2 * Math.exp(-1), within(1e-12));
        assertThat(p[1]).isGreaterThan(p[0]);
    }

    @Test
    void topPercentRuleUsesTheMedianDaysKthCount() {
        // 20 cells, top 5% = 1 cell; the busiest cell had 5, 9 and 7: median 7
        int[][] history = new int[3][20];
        history[0][0] = 5;
        history[1][3] = 9;
        history[2][7] = 7;
        assertThat(PoissonHotspot.threshold(HotspotRule.topPercent(5), history, new double[20])).isEqualTo(7);
        double[] expected = new double[20];
        expected[0] = 7;
        expected[1] = 1;
        double[] p = PoissonHotspot.probability(expected, HotspotRule.topPercent(5), history);
        assertThat(p[0]).isBetween(0.4, 0.6);
        assertThat(p[1]).isLessThan(0.001);
    }
}
