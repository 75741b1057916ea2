package io.crimecast.incident;

/** Why an incident was routed to the rejected topic; the wire name goes in the {@code crimecast.reason} header. */
public enum RejectReason {
    UNPARSABLE("unparsable"),
    INVALID_UTF8("invalid-utf8"),
    DUPLICATE_FIELD("duplicate-field"),
    TRAILING_CONTENT("trailing-content"),
    BAD_ID("bad-id"),
    MISSING_ID("missing-id"),
    MISSING_TIME("missing-time"),
    BAD_TIME("bad-time"),
    FUTURE_TIME("future-time"),
    BEFORE_EARLIEST("before-earliest"),
    TOO_LARGE("too-large"),
    BAD_ORIGIN("bad-origin"),
    MISSING_COORDINATES("missing-coordinates"),
    BAD_COORDINATES("bad-coordinates"),
    UNKNOWN_REGION("unknown-region"),
    OUT_OF_AREA("out-of-area"),
    DUPLICATE("duplicate"),
    TOO_LATE("too-late"),
    /** A bug or an input nobody foresaw threw while the record was checked or counted; the app carries on. */
    INTERNAL_ERROR("internal-error");

    private final String wireName;

    RejectReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
