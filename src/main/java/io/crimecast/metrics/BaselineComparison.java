package io.crimecast.metrics;

/**
 * A network against the best baseline on the same test days: the difference in MSE (network minus baseline,
 * negative = the network is better), its 95% paired moving-block bootstrap interval over test days, and the share
 * of origins where the network's MSE was lower.
 */
public record BaselineComparison(String baseline, double mseDifference, double low, double high, double winShare, int origins) {

    /** Better beyond resampling noise: the whole interval is below zero. */
    public boolean beats() {
        return high < 0;
    }
}
