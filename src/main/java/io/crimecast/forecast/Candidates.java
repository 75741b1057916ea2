package io.crimecast.forecast;

import io.crimecast.model.CellNetwork;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The naive maps a forecast chooses among: trailing rates over a month, a quarter, a year and all history (at
 * 600 ft the long ones rank best, sparse counts need many days to settle), and kernel density over the last year
 * at one and two cells (a neighbour's incidents hint at a cell's). The per-cell network ({@value CellNetworkCandidate#NAME})
 * trains on each history it is given, so it is chosen by name only, never among the validated maps.
 */
public final class Candidates {
    public static final List<Candidate> STANDARD = List.of(
            TrailingCandidate.days(28), TrailingCandidate.days(91), TrailingCandidate.days(365), TrailingCandidate.allHistory(),
            new KdeCandidate(365, 1), new KdeCandidate(365, 2));

    private Candidates() {
    }

    public static Candidate byName(String name) {
        if (name.equalsIgnoreCase(CellNetworkCandidate.NAME)) {
            return new CellNetworkCandidate(CellNetwork.Settings.defaults(), t -> { });
        }
        return STANDARD.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model '" + name + "'; the models are "
                        + Stream.concat(STANDARD.stream().map(Candidate::name), Stream.of(CellNetworkCandidate.NAME))
                        .collect(Collectors.joining(", "))));
    }
}
