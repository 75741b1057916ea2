package io.crimecast.model;

/**
 * A hotspot scorer's view of the next step, per cell: {@code score} ranks cells (higher = more likely a hotspot;
 * a probability for the Spatio-LSTM), {@code expectedCount} is its expected count for the whole step.
 */
public record HotspotScores(double[] score, double[] expectedCount) {
    public HotspotScores {
        if (score.length != expectedCount.length) {
            throw new IllegalArgumentException("score and expectedCount must cover the same cells");
        }
    }
}
