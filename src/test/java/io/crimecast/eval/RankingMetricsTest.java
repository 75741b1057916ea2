package io.crimecast.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankingMetricsTest {

    @Test
    void aucCountsTiesAsHalf() {
        // positives score 3 and 2; negatives 2, 1, 1. Pairs: (3>2, 3>1, 3>1) = 3, (2=2 -> 0.5, 2>1, 2>1) = 2.5 -> 5.5 / 6
        double[] score = {3, 2, 2, 1, 1};
        boolean[] positive = {true, true, false, false, false};
        assertThat(RankingMetrics.auc(score, positive)).isCloseTo(5.5 / 6, within(1e-12));
    }

    @Test
    void aucIsHalfForAConstantScoreAndOneForAPerfectRanking() {
        boolean[] positive = {false, true, false, true};
        assertThat(RankingMetrics.auc(new double[]{7, 7, 7, 7}, positive)).isEqualTo(0.5);
        assertThat(RankingMetrics.auc(new double[]{0.1, 0.9, 0.2, 0.8}, positive)).isEqualTo(1.0);
        assertThat(RankingMetrics.auc(new double[]{0.9, 0.1, 0.8, 0.2}, positive)).isEqualTo(0.0);
    }

    @Test
    void aucIsUndefinedWithoutBothClasses() {
        assertThat(RankingMetrics.auc(new double[]{1, 2}, new boolean[]{true, true})).isNaN();
    }

    @Test
    void flaggedCellsRoundsUpToWholeCellsAndFlagsAtLeastOne() {
        assertThat(RankingMetrics.flaggedCells(0.01, 30)).isEqualTo(1);
        assertThat(RankingMetrics.flaggedCells(0.05, 200)).isEqualTo(10);
        assertThat(RankingMetrics.flaggedCells(0.10, 25)).isEqualTo(3);
    }

    @Test
    void capturedTakesTheHighestScoresAndBreaksTiesByLowerIndex() {
        double[] score = {5, 1, 5, 3};
        double[] actual = {1, 10, 4, 2};
        assertThat(RankingMetrics.captured(score, actual, 1)).isEqualTo(1);   // cell 0 wins the tie with cell 2
        assertThat(RankingMetrics.captured(score, actual, 2)).isEqualTo(5);
        assertThat(RankingMetrics.bestCaptured(actual, 2)).isEqualTo(14);
    }
}
