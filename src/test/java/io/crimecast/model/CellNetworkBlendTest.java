package io.crimecast.model;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The blend of the network's counts with a trailing count, by hand: its two ends and its middle, in log1p space. */
class CellNetworkBlendTest {
    private static final Grid GRID = new Grid(Regions.load("portland"));
    private static final int BUSY = 10;
    private static final int QUIET = 11;

    /** 400 days: the busy cell one incident a day, the quiet cell one in the first 40 days only. */
    private static CellFeatures features() {
        int[][] days = new int[400][GRID.cellCount()];
        for (int d = 0; d < days.length; d++) {
            days[d][BUSY] = 1;
        }
        days[20][QUIET] = 1;
        return CellFeatures.at(GRID, days, LocalDate.of(2015, 1, 1), days.length);
    }

    @Test
    void weighsLog1pOfTheNetworkAgainstLog1pOfTheTrailingCount() {
        CellFeatures features = features();
        double[] network = new double[GRID.cellCount()];
        network[BUSY] = 3;
        network[QUIET] = 8; // the network ranks the quiet cell first; the trailing counts the busy one

        assertThat(CellNetwork.Blend.NETWORK_ONLY.apply(features, 31, network)).containsExactly(network);
        double[] year = new CellNetwork.Blend(365, 0).apply(features, 31, network);
        assertThat(year[BUSY]).isCloseTo(31, within(1e-9));
        assertThat(year[QUIET]).isCloseTo(0, within(1e-9)); // its only incident was more than a year ago
        double[] all = new CellNetwork.Blend(CellFeatures.ALL_HISTORY, 0).apply(features, 31, network);
        assertThat(all[QUIET]).isCloseTo(31.0 / 400, within(1e-9));

        double[] half = new CellNetwork.Blend(365, 0.5).apply(features, 31, network);
        assertThat(half[BUSY]).isCloseTo(Math.expm1((Math.log1p(3) + Math.log1p(31)) / 2), within(1e-9));
        assertThat(half[QUIET]).isCloseTo(Math.expm1(Math.log1p(8) / 2), within(1e-9));
        assertThat(half[BUSY]).as("the year's counts turn the ranking").isGreaterThan(half[QUIET]);
    }

    @Test
    void takesAWeightInZeroToOneAndAYearOrAllHistory() {
        assertThatThrownBy(() -> new CellNetwork.Blend(365, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CellNetwork.Blend(365, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CellNetwork.Blend(28, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(CellNetwork.Blend.CHOICES.get(0)).as("the network alone wins a tie").isEqualTo(CellNetwork.Blend.NETWORK_ONLY);
    }
}
