package io.crimecast.train;

import io.crimecast.grid.HotspotRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HotspotPopulationTest {

    @Test
    void activeCellsAreThoseWithAnyIncident() {
        HotspotPopulation p = HotspotPopulation.active(new int[][]{{0, 2, 0, 0}, {0, 0, 0, 1}}, 4);
        assertThat(p.cells()).containsExactly(1, 3);
        assertThat(p.pick(new int[]{9, 8, 7, 6})).containsExactly(8, 6);
    }

    @Test
    void topPercentCountsOnlyThePopulation() {
        // 40 grid cells, 20 active: top 10% of the population is 2 cells, of the whole grid it would be 4.
        int[] active = new int[20];
        for (int i = 0; i < 20; i++) {
            active[i] = 2 * i;
        }
        HotspotPopulation p = new HotspotPopulation(active);
        int[] counts = new int[40];
        for (int c = 0; c < 40; c++) {
            counts[c] = c;
        }
        boolean[] hot = p.hotspots(HotspotRule.topPercent(10), counts);
        assertThat(hot).hasSize(20);
        assertThat(hot[19]).isTrue();
        assertThat(hot[18]).isTrue();
        assertThat(hot[17]).isFalse();
    }
}
