package io.crimecast.audit;

/**
 * The feedback a replay simulates: each flagged cell, on its flagged day, "discovers" extra officer-initiated incidents
 * drawn from a Poisson with mean {@code rate} times the cell's forecast; and the correction in force: each
 * officer-initiated incident found in a flagged cell, discovered or real, is counted with probability {@code weight}
 * (1: believed like any report; below 1: Ensign et al.'s correction, which keeps a found incident only by chance).
 */
public record Feedback(double rate, double weight) {
    public static final Feedback NONE = new Feedback(0, 1);

    public Feedback {
        if (!(rate >= 0) || !(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("--feedback rates must be >= 0 and --discount within 0..1, were %s and %s".formatted(rate, weight));
        }
    }
}
