package io.crimecast.metrics;

import io.crimecast.train.CountScore;
import io.crimecast.train.HotspotPopulation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CountMetricsTest {

    @Test
    void rawErrorsOverAllCellsAndDays() {
        int[][] truth = {{1, 2}, {3, 4}};
        double[][] predicted = {{2, 2}, {0, 4}};
        // errors 1, 0, -3, 0: MSE 10/4, MAE 4/4
        CountMetrics m = CountMetrics.of(truth, predicted);
        assertThat(m.mse()).isCloseTo(2.5, within(1e-12));
        assertThat(m.rmse()).isCloseTo(Math.sqrt(2.5), within(1e-12));
        assertThat(m.mae()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void binsFitTheSmallestAndLargestCountOfEveryDay() {
        assertThat(EqualWidthBins.fit(new int[][]{{3, 4, 7}, {2, 12, 5}, {}}, 10)).isEqualTo(new EqualWidthBins(2, 12, 10));
        assertThat(EqualWidthBins.fit(new int[][]{}, 10)).as("no counts: one empty range").isEqualTo(new EqualWidthBins(0, 0, 10));
        assertThat(EqualWidthBins.fit(new int[][]{{}, {}}, 4)).isEqualTo(new EqualWidthBins(0, 0, 4));
    }

    @Test
    void binnedErrorsCompareBinIndices() {
        EqualWidthBins bins = new EqualWidthBins(0, 10, 5); // width 2: 0-2 -> 0, 2-4 -> 1, ... 8-10 -> 4
        int[][] truth = {{1, 9}};
        double[][] predicted = {{3.5, 9.9}};
        // bins: truth 0 and 4, predicted 1 and 4 -> errors 1, 0
        CountMetrics m = CountMetrics.binned(truth, predicted, bins);
        assertThat(m.mse()).isCloseTo(0.5, within(1e-12));
        assertThat(m.mae()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void scoreFitsBinsOnTrainingDaysOnly() {
        int[][] training = {{0, 10}};
        int[][] truth = {{100}};          // beyond the training range: last bin
        double[][] predicted = {{5}};     // 10 bins of width 1: bin 5; 5 bins of width 2: bin 2
        CountScore score = CountScore.of(truth, predicted, training, HotspotPopulation.all(1));
        assertThat(score.bins10().mae()).isCloseTo(4, within(1e-12));
        assertThat(score.bins5().mae()).isCloseTo(2, within(1e-12));
        assertThat(score.toRow("x", null).kind()).isEqualTo("count");
    }

    @Test
    void activeCellErrorsLeaveOutCellsWithoutIncidentsBeforeTheTest() {
        int[][] before = {{0, 3, 1}, {0, 2, 0}};            // cell 0 never had an incident
        int[][] truth = {{0, 4, 1}, {0, 1, 2}};
        double[][] predicted = {{0, 2, 1}, {0, 1, 0}};       // errors: cell 1: -2, 0; cell 2: 0, -2
        CountScore score = CountScore.of(truth, predicted, before, HotspotPopulation.active(before, 3));
        assertThat(score.raw().mse()).isCloseTo(8.0 / 6, within(1e-12));   // the certain zeros dilute it
        assertThat(score.active().mse()).isCloseTo(8.0 / 4, within(1e-12));
        assertThat(score.active().mae()).isCloseTo(4.0 / 4, within(1e-12));
        assertThat(score.toRow("x", null).active()).isEqualTo(score.active());
    }

    @Test
    void dailyMseAveragesEachDaysCells() {
        assertThat(CountMetrics.dailyMse(new int[][]{{1, 2}, {3, 4}}, new double[][]{{2, 2}, {0, 4}})).containsExactly(0.5, 4.5);
    }

    @Test
    void refusesEmptyInput() {
        assertThatThrownBy(() -> CountMetrics.of(new int[0][], new double[0][])).isInstanceOf(IllegalArgumentException.class);
    }
}
