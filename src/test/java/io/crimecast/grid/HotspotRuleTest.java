package io.crimecast.grid;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Flags under a top-k rule are the k best positive cells in the order {@link HotspotRule#rankDescending} gives, ties to the lower id. */
class HotspotRuleTest {
    @Test
    void flagsTheBestPositiveCellsWithTiesToTheLowerId() {
        Random random = new Random(7);
        for (double percent : new double[]{0.5, 5, 30, 100}) {
            HotspotRule rule = HotspotRule.topPercent(percent);
            for (int round = 0; round < 20; round++) {
                double[] values = new double[1_000];
                for (int i = 0; i < values.length; i++) {
                    values[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(12) / 4.0; // many ties and zeros
                }
                int k = rule.topCount(values.length);
                boolean[] expected = new boolean[values.length];
                int taken = 0;
                for (int c : HotspotRule.rankDescending(values)) {
                    if (taken < k && values[c] > 0) {
                        expected[c] = true;
                        taken++;
                    }
                }
                assertThat(rule.flag(values)).as("top %s%%, round %d", percent, round).containsExactly(expected);
            }
        }
    }
}
