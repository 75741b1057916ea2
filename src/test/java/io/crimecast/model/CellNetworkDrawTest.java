package io.crimecast.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The training rows an epoch fits are drawn in proportion to their weights (busy cells more often). */
class CellNetworkDrawTest {
    @Test
    void drawsAsManyRowsAsThereAreWithChancesInProportionToTheWeights() {
        float[] weights = new float[30_000];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = i % 3 == 0 ? 0 : i % 3 == 1 ? 1 : 3; // never, once, three times as often
        }
        int[] drawn = CellNetwork.weightedDraw(weights, new Random(42));
        assertThat(drawn).hasSize(weights.length);
        int[] byKind = new int[3];
        for (int row : drawn) {
            byKind[row % 3]++;
        }
        assertThat(byKind[0]).as("a zero weight is never drawn").isZero();
                assertThat(byKind[2] / (double) byKind[1]).isBetween(2.8, 3.2); // 3:1, of 30,000 draws (seeded)
    }
}
