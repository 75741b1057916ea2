package io.crimecast.topics;

/** The topics the topology reads and writes; declared with their settings in topics/topics.yaml. */
public record TopicNames(String incidents, String rejected, String cellDailyCounts, String forecasts,
                         String hotspots, String modelWeights) {
    /** A constant, for option defaults. */
    public static final String INCIDENTS = "incidents";
    public static final TopicNames DEFAULT = new TopicNames(INCIDENTS, "incidents.rejected", "cell-daily-counts",
            "forecasts", "hotspots", "model-weights");
}
