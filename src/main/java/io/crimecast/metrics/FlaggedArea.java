package io.crimecast.metrics;

import java.util.Locale;

/** What "PAI at a% of the cells" really flagged: whole cells, and their share of the ranked cells. */
public record FlaggedArea(int cells, double share) {

    /** e.g. "pai@1cell(3.8%)": a small grid cannot flag 1% of itself, so the label says what was flagged. */
    public String label() {
        return String.format(Locale.ROOT, "pai@%dcell%s(%.1f%%)", cells, cells == 1 ? "" : "s", share * 100);
    }
}
