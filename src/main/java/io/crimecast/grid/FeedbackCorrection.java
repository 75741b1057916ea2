package io.crimecast.grid;

/**
 * A region's correction of the feedback loop (Ensign et al. 2018): in training, an officer-initiated incident found in
 * a cell flagged that day counts only with probability {@code officerInitiatedWeight}, so patrols sent to a cell do not
 * by themselves keep it flagged. Which cells were flagged is replayed: each day the best cells that fit in
 * {@code flagArea} (default: the hotspot rule's area) by their counts over the last {@code lookbackDays} (default 365).
 */
public record FeedbackCorrection(double officerInitiatedWeight, String flagArea, Integer lookbackDays) {
    public static final int DEFAULT_LOOKBACK_DAYS = 365;

    public FeedbackCorrection {
        if (!(officerInitiatedWeight >= 0 && officerInitiatedWeight <= 1)) {
            throw new IllegalArgumentException("feedbackCorrection.officerInitiatedWeight must be within 0..1, was " + officerInitiatedWeight);
        }
        if (flagArea != null) {
            Area.parse(flagArea); // a clear error at load
        }
        lookbackDays = lookbackDays == null ? DEFAULT_LOOKBACK_DAYS : lookbackDays;
        if (lookbackDays < 1) {
            throw new IllegalArgumentException("feedbackCorrection.lookbackDays must be at least 1, was " + lookbackDays);
        }
    }

    /** This correction with {@code hotspotArea} as its flag area when it names none. */
    FeedbackCorrection withAreaOr(String hotspotArea) {
        if (flagArea != null) {
            return this;
        }
        if (hotspotArea == null) {
            throw new IllegalArgumentException("feedbackCorrection.flagArea: required when the hotspot rule is not an area (e.g. \"0.25 sq mi\")");
        }
        return new FeedbackCorrection(officerInitiatedWeight, hotspotArea, lookbackDays);
    }
}
