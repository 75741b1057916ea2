package io.crimecast.model;

/** A model bundle that cannot be used, with a machine-readable {@link Reason} for the CLI, logs and metrics. */
public final class BundleException extends RuntimeException {
    public enum Reason {
        CHECKSUM("checksum"),
        SIGNATURE("signature"),
        UNSIGNED("unsigned"),
        CORRUPT("corrupt"),
        UNSUPPORTED_KIND("unsupported-kind"),
        GRID_MISMATCH("grid-mismatch"),
        LOAD_FAILED("load-failed");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public BundleException(Reason reason, String message) {
        this(reason, message, null);
    }

    public BundleException(Reason reason, String message, Throwable cause) {
        super(reason.code() + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
