package io.crimecast.incident;

/** Why an incident was routed to the rejected topic; the wire name goes in the {@code crimecast.reason} header. */
public enum RejectReason {
    UNPARSABLE("unparsable"),
    MISSING_ID("missing-id"),
    MISSING_TIME("missing-time"),
    BAD_TIME("bad-time"),
    FUTURE_TIME("future-time"),
    BEFORE_EARLIEST("before-earliest"),
    TOO_LARGE("too-large"),
    MISSING_COORDINATES("missing-coordinates"),
    BAD_COORDINATES("bad-coordinates"),
    UNKNOWN_REGION("unknown-region"),
    OUT_OF_AREA("out-of-area"),
    DUPLICATE("duplicate"),
    TOO_LATE("too-late");

    private final String wireName;

    RejectReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
