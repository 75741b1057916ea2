package io.crimecast.incident;

import java.util.Arrays;
import java.util.Locale;

/**
 * How an incident came to be known: reported by the public, found by an officer on patrol, or not said. Officer-initiated
 * incidents in flagged cells are what a feedback loop feeds on (Ensign et al. 2018), so a region can discount them in
 * training (grid.FeedbackCorrection).
 */
public enum Origin {
    REPORTED("reported"),
    OFFICER_INITIATED("officer-initiated"),
    UNKNOWN("unknown");

    private final String wireName;

    Origin(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The origin a text names (any case; blank or null: unknown); a clear error for anything else. */
    public static Origin parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        String name = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(o -> o.wireName.equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "origin must be reported, officer-initiated or unknown, was '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'"));
    }
}
