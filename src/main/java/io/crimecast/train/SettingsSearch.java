package io.crimecast.train;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** One network per candidate setting, all trained and validated on the same days. */
public record SettingsSearch(List<TrainedNetwork> candidates) {

    public SettingsSearch {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidate was trained");
        }
    }

    /** The candidate with the lowest validation error: the only choice made, and made without the test days. */
    public TrainedNetwork best() {
        return candidates.stream().min(Comparator.comparingDouble(TrainedNetwork::validationMse)).orElseThrow();
    }

    /** e.g. "validation RMSE w8 64u lr0.001 3.512, w14 64u lr0.001 3.498". */
    public String summary() {
        return candidates.stream().map(c -> "%s %.3f".formatted(c.settings().label(), c.validationRmse()))
                .collect(Collectors.joining(", ", "validation RMSE ", ""));
    }

    /** The best of several searches (e.g. one per kind), by validation error. */
    public static TrainedNetwork bestOf(List<TrainedNetwork> networks) {
        return new SettingsSearch(networks).best();
    }
}
