package io.crimecast.metrics;

import java.util.Arrays;

/** How one figure ({@code metric}, e.g. "rmse") varied over the origins of a rolling evaluation. */
public record Spread(String metric, double min, double max, double sd) {

    public static Spread of(String metric, double[] perOrigin) {
        double mean = Arrays.stream(perOrigin).average().orElseThrow();
        double squares = Arrays.stream(perOrigin).map(v -> (v - mean) * (v - mean)).sum();
        double sd = perOrigin.length < 2 ? 0 : Math.sqrt(squares / (perOrigin.length - 1));
        return new Spread(metric, Arrays.stream(perOrigin).min().orElseThrow(), Arrays.stream(perOrigin).max().orElseThrow(), sd);
    }
}
