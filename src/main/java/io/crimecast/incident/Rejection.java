package io.crimecast.incident;

/** An incident that will not be counted, with its original bytes and where and why it was refused. */
public record Rejection(String incidentId, byte[] original, RejectReason reason, Stage stage, String detail) {
    /** The record that made {@code stage} throw; the exception's class leads the detail so it can be searched for. */
    public static Rejection internalError(String incidentId, byte[] original, Stage stage, Throwable error) {
        String message = error.getMessage() == null ? "" : ": " + error.getMessage();
        return new Rejection(incidentId, original, RejectReason.INTERNAL_ERROR, stage, error.getClass().getName() + message);
    }

    public enum Stage {
        VALIDATE, COUNT;

        public String wireName() {
            return name().toLowerCase();
        }
    }
}
