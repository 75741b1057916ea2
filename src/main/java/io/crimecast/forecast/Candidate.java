package io.crimecast.forecast;

import io.crimecast.train.CountMatrix;

/**
 * One way to forecast a period: expected counts per cell over the {@code horizonDays} that follow the given days.
 * A trained network can join the candidates by implementing this (validation treats every candidate alike).
 */
public interface Candidate {
    /** The name {@code --model} takes and the output carries. */
    String name();

    /** @param history every day before the period (at least one): the period starts the day after its last */
    double[] expected(CountMatrix history, int horizonDays);
}
