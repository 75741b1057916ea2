package io.crimecast.forecast;

import java.util.Arrays;

/** A candidate's PAI on each validation window (NaN where the window had no incidents) and their mean. */
public record CandidateScore(String model, double[] windowPai) {
    public double meanPai() {
        return Arrays.stream(windowPai).filter(p -> !Double.isNaN(p)).average().orElse(Double.NaN);
    }
}
