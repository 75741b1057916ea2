package io.crimecast.train;

import io.crimecast.grid.Grid;

import java.time.LocalDate;
import java.util.Random;

/** Daily counts where a few fixed cells are busy and the rest quiet: hotspots a ranking can learn. */
public final class HotspotSyntheticCounts {
    private HotspotSyntheticCounts() {
    }

    /** Cells {@code c % 7 == 0} average 3 incidents a day, the others 0.2; Poisson, seeded. */
    public static CountMatrix matrix(Grid grid, LocalDate firstDay, int days, long seed) {
        Random random = new Random(seed);
        int[][] counts = new int[days][grid.cellCount()];
        for (int d = 0; d < days; d++) {
            for (int c = 0; c < grid.cellCount(); c++) {
                counts[d][c] = poisson(c % 7 == 0 ? 3.0 : 0.2, random);
            }
        }
        return new CountMatrix(grid, firstDay, counts);
    }

    private static int poisson(double mean, Random random) {
        double limit = Math.exp(-mean), p = random.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= random.nextDouble();
            k++;
        }
        return k;
    }
}
