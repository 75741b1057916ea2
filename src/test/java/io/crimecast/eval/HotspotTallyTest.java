package io.crimecast.eval;

import io.crimecast.metrics.FlaggedArea;
import io.crimecast.metrics.EvaluationRow;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HotspotTallyTest {

    @Test
    void paiAndPeiPoolTheStepsOverTheFlaggedShareOfCells() {
        // 20 cells: 1% and 5% flag 1 cell (share 0.05), 10% flags 2 (share 0.1).
        double[] score = new double[20];
        double[] actual = new double[20];
        score[0] = 9;
        score[1] = 8;
        actual[0] = 2;
        actual[1] = 1;
        actual[5] = 5;
        actual[6] = 2; // 10 incidents; the best single cell holds 5, the best two 7
        HotspotTally tally = new HotspotTally();
        tally.add(score, hotspots(20, 5), actual, new double[20]);

        assertThat(tally.hitRate(0)).isCloseTo(0.2, within(1e-12));
        assertThat(tally.pai(0)).isCloseTo(0.2 / 0.05, within(1e-12));
        assertThat(tally.pei(0)).isCloseTo(2.0 / 5, within(1e-12));
        assertThat(tally.hitRate(2)).isCloseTo(0.3, within(1e-12));
        assertThat(tally.pai(2)).isCloseTo(3.0, within(1e-12));
        assertThat(tally.pei(2)).isCloseTo(3.0 / 7, within(1e-12));
        assertThat(tally.flagged()).extracting(FlaggedArea::label).containsExactly("pai@1cell(5.0%)", "pai@1cell(5.0%)", "pai@2cells(10.0%)");

        // a second step where the ranking is perfect: pooled hit rate at 1% = (2 + 4) / (10 + 4)
        double[] actual2 = new double[20];
        actual2[0] = 4;
        tally.add(score, hotspots(20, 0), actual2, new double[20]);
        assertThat(tally.hitRate(0)).isCloseTo(6.0 / 14, within(1e-12));
        assertThat(tally.pei(0)).isCloseTo(6.0 / 9, within(1e-12));
    }

    @Test
    void rowCarriesAucAndCountErrors() {
        HotspotTally tally = new HotspotTally();
        tally.add(new double[]{3, 1}, new boolean[]{true, false}, new double[]{4, 0}, new double[]{2, 1});
        EvaluationRow row = tally.row("m", 1.5, 3, "6 steps of 30 days");
        assertThat(row.kind()).isEqualTo("hotspot");
        assertThat(row.auc()).isEqualTo(1.0);
        assertThat(row.mse()).isCloseTo((4 + 1) / 2.0, within(1e-12));
        assertThat(row.mae()).isCloseTo(1.5, within(1e-12));
        assertThat(row.ranking().pai1()).isCloseTo(1.0 / 0.5, within(1e-12));
        assertThat(row.fit().epochs()).isEqualTo(3);
        assertThat(row.fit().settings()).isEqualTo("6 steps of 30 days");
        // two cells: "1%" flags one of them, half the area
        assertThat(row.flagged().get(0)).isEqualTo(new FlaggedArea(1, 0.5));
    }

    private static boolean[] hotspots(int cells, int hot) {
        boolean[] h = new boolean[cells];
        Arrays.fill(h, false);
        h[hot] = true;
        return h;
    }
}
