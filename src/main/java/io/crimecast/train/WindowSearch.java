package io.crimecast.train;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** One network per window candidate, all trained and validated on the same days. */
public record WindowSearch(List<TrainedNetwork> candidates) {

    public WindowSearch {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidate was trained");
        }
    }

    /** The candidate with the lowest validation error: the only choice made, and made without the test days. */
    public TrainedNetwork best() {
        return candidates.stream().min(Comparator.comparingDouble(TrainedNetwork::validationMse)).orElseThrow();
    }

    /** e.g. "validation RMSE w8 3.512, w14 3.498". */
    public String summary() {
        return candidates.stream().map(c -> "w%d %.3f".formatted(c.features().window(), c.validationRmse()))
                .collect(Collectors.joining(", ", "validation RMSE ", ""));
    }

    /** The best of several searches (e.g. one per kind), by validation error. */
    public static TrainedNetwork bestOf(List<TrainedNetwork> networks) {
        return new WindowSearch(networks).best();
    }
}
