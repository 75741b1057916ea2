package io.crimecast.train;

import io.crimecast.grid.Grid;
import io.crimecast.grid.HotspotRule;
import io.crimecast.model.HotspotTestGrids;
import io.crimecast.model.SpatioFeatures;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.api.MultiDataSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HotspotDataSetTest {
    // 3 x 3 grid, cells 0..8 row-major from the lower left; top 20% of the population (2 cells of 9)
    private final Grid grid = HotspotTestGrids.grid(3, 3, HotspotRule.topPercent(20));

    @Test
    void encodesTheNeighbourhoodSequenceTheLocationAndTheLabel() {
        int[][] steps = {
                {9, 0, 0, 0, 0, 0, 0, 0, 0},   // total 9, population 9: relative count = count
                {0, 0, 0, 0, 3, 0, 0, 0, 6},
                {0, 5, 0, 0, 0, 0, 0, 0, 4}};  // target: hotspots are cells 1 and 8
        HotspotDataSet data = HotspotDataSet.build(grid, steps, HotspotPopulation.all(9), grid.spec().hotspot(), 2, 2, 2, 3);

        assertThat(data.size()).isEqualTo(9);
        assertThat(data.positives()).isEqualTo(2);
        assertThat(data.label()[1]).isEqualTo(1f);
        assertThat(data.label()[8]).isEqualTo(1f);

        // cell 0 (lower-left corner): neighbours 0..3 are off-grid, 4 is itself, 5 is cell 1, 7 is cell 3, 8 is cell 4
        int w = SpatioFeatures.NEIGHBOURS * 2;
        float[] seq = data.sequence();
        assertThat(seq[0]).isZero();
        assertThat(seq[4 * 2]).isCloseTo((float) Math.log1p(9 * 9 / 9.0), within(1e-6f));   // itself, step 0
        assertThat(seq[4 * 2 + 1]).isZero();                                                  // itself, step 1
        assertThat(seq[8 * 2 + 1]).isCloseTo((float) Math.log1p(3 * 9 / 9.0), within(1e-6f)); // cell 4, step 1
        // cell 4 (centre) sees cell 8 as its upper-right neighbour
        assertThat(seq[4 * w + 8 * 2 + 1]).isCloseTo((float) Math.log1p(6), within(1e-6f));
        // location of cell 5: row 1, col 2 -> ((1 + .5) / 3, (2 + .5) / 3)
        assertThat(data.fixedWidth()).isEqualTo(2);
        assertThat(data.fixed()[5 * 2]).isCloseTo(0.5f, within(1e-6f));
        assertThat(data.fixed()[5 * 2 + 1]).isCloseTo(2.5f / 3, within(1e-6f));
    }

    @Test
    void aLongerContextAddsEachCellsAndItsNeighbourhoodsLevelOverTheStepsTheDataHas() {
        int[][] steps = {
                {9, 0, 0, 0, 0, 0, 0, 0, 0},   // total 9, population 9: relative count = count
                {0, 0, 0, 0, 3, 0, 0, 0, 6},
                {0, 5, 0, 0, 0, 0, 0, 0, 4},
                {0, 0, 0, 0, 9, 0, 0, 0, 0}};
        // sequence of 1 step, context of 3: target 2 has 2 steps before it, target 3 all 3
        HotspotDataSet data = HotspotDataSet.build(grid, steps, HotspotPopulation.all(9), grid.spec().hotspot(), 1, 3, 2, 4);

        assertThat(data.fixedWidth()).isEqualTo(4);
        float l9 = (float) Math.log1p(9), l3 = (float) Math.log1p(3), l6 = (float) Math.log1p(6);
        float l5 = (float) Math.log1p(5), l4 = (float) Math.log1p(4); // step 2: cells 1 and 8
        // target 2, cell 0: its level over steps 0 and 1; its neighbourhood (itself, cells 1, 3 and 4; 5 off-grid) over 9
        assertThat(data.fixed()[2]).isCloseTo(l9 / 2, within(1e-6f));
        assertThat(data.fixed()[3]).isCloseTo((l9 / 2 + l3 / 2) / 9, within(1e-6f));
        // target 3, cell 4 (row 9 + 4): level over steps 0..2; its neighbourhood is the whole grid
        float[] level = {l9 / 3, l5 / 3, 0, 0, l3 / 3, 0, 0, 0, (l6 + l4) / 3};
        float sum = 0;
        for (float v : level) {
            sum += v;
        }
        assertThat(data.fixed()[13 * 4 + 2]).isCloseTo(l3 / 3, within(1e-6f));
        assertThat(data.fixed()[13 * 4 + 3]).isCloseTo(sum / 9, within(1e-6f));
        // the sequence is still the one step before each target
        assertThat(data.sequence()[13 * 9 + 4]).isZero();
        assertThat(data.sequence()[13 * 9 + 8]).isCloseTo(l4, within(1e-6f));
    }

    @Test
    void batchesWeightHotspotsThroughTheLabelMask() {
        int[][] steps = {{1, 0, 0, 0, 0, 0, 0, 0, 0}, {0, 5, 0, 0, 0, 0, 0, 0, 4}};
        HotspotDataSet data = HotspotDataSet.build(grid, steps, HotspotPopulation.all(9), grid.spec().hotspot(), 1, 1, 1, 2);
        MultiDataSet batch = data.batch(new int[]{8, 0, 1}, 0, 3, 4.0);
        assertThat(batch.getFeatures(0).shape()).containsExactly(3, 9, 1);
        assertThat(batch.getLabels(0).toDoubleVector()).containsExactly(1, 0, 1);
        assertThat(batch.getLabelsMaskArray(0).toDoubleVector()).containsExactly(4, 1, 4);
    }
}
