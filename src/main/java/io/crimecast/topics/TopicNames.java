package io.crimecast.topics;

/** The topics the topology reads and writes; declared with their settings in topics/topics.yaml. */
public record TopicNames(String incidents, String rejected, String cellDailyCounts, String forecasts,
                         String hotspots, String modelWeights) {
    public static final TopicNames DEFAULT = new TopicNames("incidents", "incidents.rejected", "cell-daily-counts",
            "forecasts", "hotspots", "model-weights");
}
