package io.crimecast.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FlaggedAreaScoreTest {
    @Test
    void paiAndPeiByHand() {
        double[] actual = {5, 0, 3, 2, 0, 10, 0, 0, 0, 0};
        // Flag cells 0 and 2: 8 of 20 incidents on 2 of 10 cells' area -> PAI 0.4 / 0.2 = 2; the best 2 cells had 15.
        FlaggedAreaScore s = FlaggedAreaScore.of(new int[]{0, 2}, actual, 0.2);
        assertThat(s.hits()).isEqualTo(8);
        assertThat(s.incidents()).isEqualTo(20);
        assertThat(s.bestHits()).isEqualTo(15);
        assertThat(s.pai()).isCloseTo(2.0, within(1e-12));
        assertThat(s.pei()).isCloseTo(8.0 / 15, within(1e-12));
    }

    @Test
    void nothingHappenedIsUndefinedNotZero() {
        FlaggedAreaScore s = FlaggedAreaScore.of(new int[]{1}, new double[3], 0.5);
        assertThat(s.pai()).isNaN();
        assertThat(s.pei()).isNaN();
    }
}
