package io.crimecast.forecast;

import io.crimecast.grid.Grid;

/**
 * One way to forecast a period: expected counts per cell over the {@code horizonDays} that follow the given days.
 * A trained network can join the candidates by implementing this (validation treats every candidate alike).
 */
public interface Candidate {
    /** The name {@code --model} takes and the output carries. */
    String name();

    /** @param days {@code days[d][cell]}, every day before the period, oldest first (at least one) */
    double[] expected(Grid grid, int[][] days, int horizonDays);
}
