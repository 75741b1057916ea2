package io.crimecast.forecast;

import io.crimecast.grid.Area;
import io.crimecast.grid.Grid;
import io.crimecast.grid.HotspotRule;

import java.util.Arrays;

/**
 * The flagged-area budget of a grid: how many whole cells fit in it, which cells may be flagged (the region's study
 * area), and the study area PAI divides by (those cells' area, unless given).
 */
public record FlagBudget(int cells, boolean[] studyCells, Area cellArea, Area studyArea) {

    public static FlagBudget of(Grid grid, String flagArea, Area studyArea) {
        boolean[] study = new boolean[grid.cellCount()];
        int inStudy = 0;
        for (int c = 0; c < study.length; c++) {
            study[c] = grid.inStudyArea(c);
            inStudy += study[c] ? 1 : 0;
        }
        int cells = HotspotRule.area(flagArea).forCellArea(grid.cellArea().squareMetres()).topCount(inStudy);
        if (cells < 1) {
            throw new IllegalArgumentException("--flag-area %s is smaller than one cell (%s)".formatted(flagArea, grid.cellArea()));
        }
        Area area = studyArea != null ? studyArea : new Area(inStudy * grid.cellArea().squareMetres());
        return new FlagBudget(cells, study, grid.cellArea(), area);
    }

    /** The best cells by expected count, best first: in the study area, above zero, at most the budget. */
    public int[] flag(double[] expected) {
        return Arrays.stream(HotspotRule.rankDescending(expected))
                .filter(c -> studyCells[c] && expected[c] > 0).limit(cells).toArray();
    }

    public Area flaggedArea(int flagged) {
        return new Area(flagged * cellArea.squareMetres());
    }

    /** Flagged area / study area: PAI's denominator. */
    public double areaShare(int flagged) {
        return flagged * cellArea.squareMetres() / studyArea.squareMetres();
    }
}
