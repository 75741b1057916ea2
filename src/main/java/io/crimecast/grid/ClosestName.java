package io.crimecast.grid;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** The known name a misspelt one most likely meant, for "did you mean" hints. */
final class ClosestName {
    private ClosestName() {
    }

    /** The candidate within a few edits of {@code name} (case ignored), the closest first. */
    static Optional<String> to(String name, Collection<String> candidates) {
        int allowed = Math.max(2, name.length() / 3);
        return candidates.stream()
                .filter(c -> editDistance(name.toLowerCase(), c.toLowerCase()) <= allowed)
                .min(Comparator.comparingInt(c -> editDistance(name.toLowerCase(), c.toLowerCase())));
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
