package io.crimecast.forecast;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The naive maps a forecast chooses among: trailing rates over a month, a quarter, a year and all history (at
 * 600 ft the long ones rank best, sparse counts need many days to settle), and kernel density over the last year
 * at one and two cells (a neighbour's incidents hint at a cell's).
 */
public final class Candidates {
    public static final List<Candidate> STANDARD = List.of(
            TrailingCandidate.days(28), TrailingCandidate.days(91), TrailingCandidate.days(365), TrailingCandidate.allHistory(),
            new KdeCandidate(365, 1), new KdeCandidate(365, 2));

    private Candidates() {
    }

    public static Candidate byName(String name) {
        return STANDARD.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model '" + name + "'; the models are "
                        + STANDARD.stream().map(Candidate::name).collect(Collectors.joining(", "))));
    }
}
