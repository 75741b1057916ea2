package io.crimecast.metrics;

/**
 * A network against the best baseline on the same test days: the difference in {@code metric} (network minus
 * baseline), its 95% paired moving-block bootstrap interval over test days, and the share of origins where the
 * network was better.
 */
public record BaselineComparison(String baseline, Metric metric, double difference, double low, double high, double winShare, int origins) {

    /** What is compared, and which sign of the difference is better. */
    public enum Metric {
        /** Mean squared error of the counts: lower is better. */
        MSE {
            @Override
            public boolean better(double difference) {
                return difference < 0;
            }
        },
        /** Area under the ROC curve of a hotspot ranking: higher is better. */
        AUC {
            @Override
            public boolean better(double difference) {
                return difference > 0;
            }
        };

        public abstract boolean better(double difference);
    }

    /** Better beyond resampling noise: the whole interval is on the better side of zero. */
    public boolean beats() {
        return metric.better(low) && metric.better(high);
    }
}
