package io.crimecast.ops;

/** The HTTP paths the streaming app serves for Prometheus and for Kubernetes probes. */
public final class OpsEndpoints {
    public static final String METRICS = "/metrics";
    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";

    private OpsEndpoints() {
    }
}
