package io.crimecast.train;

import io.crimecast.model.CountFeatures;
import io.crimecast.model.Normalisation;
import org.junit.jupiter.api.Test;

import static io.crimecast.train.TestMatrices.GRID;
import static io.crimecast.train.TestMatrices.START;
import static io.crimecast.train.TestMatrices.matrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ChronologicalSplitTest {
    @Test
    void splitsInTimeOrderWithoutOverlap() {
        CountFeatures features = new CountFeatures(8, Normalisation.TRAILING_RATIO);
        ChronologicalSplit split = ChronologicalSplit.of(matrix(200), features, START.plusDays(150), START.plusDays(179), 0.2);
        // targets 28..149 before the test: 122 days, 20% -> 25 validation days
        assertThat(split.train().targets()[0]).isEqualTo(28);
        assertThat(split.validation().size()).isEqualTo(25);
        assertThat(split.train().size()).isEqualTo(97);
        assertThat(split.validation().targets()[0]).isEqualTo(split.train().targets()[96] + 1);
        assertThat(split.test().firstTargetDate()).isEqualTo(START.plusDays(150));
        assertThat(split.test().lastTargetDate()).isEqualTo(START.plusDays(179));
        assertThat(split.train().daysThroughLastTarget().length).isEqualTo(125);
        // the binned variant: counts 0..10 in 5 bins of width 2, the last bin closed
        int[][] binned = split.test().binnedActual(new io.crimecast.metrics.EqualWidthBins(0, 10, 5));
        int[] counts = split.test().actual()[0];
        assertThat(binned[0][0]).isEqualTo(Math.min(counts[0] / 2, 4));
    }

    @Test
    void forTrainingUsesEveryDayAndNoTest() {
        ChronologicalSplit split = ChronologicalSplit.forTraining(matrix(100), new CountFeatures(8, Normalisation.TRAILING_RATIO), 0.15);
        assertThat(split.test().size()).isZero();
        assertThat(split.validation().lastTargetDate()).isEqualTo(START.plusDays(99));
    }

    @Test
    void refusesTooLittleHistory() {
        assertThatThrownBy(() -> ChronologicalSplit.forTraining(matrix(29), new CountFeatures(8, Normalisation.TRAILING_RATIO), 0.15))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too few days");
    }

    @Test
    void samplesAreLevelNormalisedWindowsWithWeekdays() {
        CountMatrix m = matrix(60);
        CountFeatures features = new CountFeatures(8, Normalisation.TRAILING_RATIO);
        CountDataset data = new CountDataset(m, features, new int[]{40});
        double[] level = CountFeatures.level(m.counts(), 40);
        var inputs = data.inputs(new int[]{0});
        assertThat(inputs.shape()).containsExactly(1, GRID.cellCount() + 7, 8);
        // last step = day 39, cell 5
        assertThat(inputs.getDouble(0, 5, 7)).isCloseTo(m.counts()[39][5] / (level[5] + 1), within(1e-5));
        // day 39 is 2020-02-09, a Sunday: one-hot index 6
        assertThat(inputs.getDouble(0, GRID.cellCount() + 6, 7)).isEqualTo(1.0);
        assertThat(inputs.getDouble(0, GRID.cellCount(), 7)).isZero();
        assertThat(data.labels(new int[]{0}).getDouble(0, 5)).isCloseTo(m.counts()[40][5] / (level[5] + 1), within(1e-5));
    }
}
