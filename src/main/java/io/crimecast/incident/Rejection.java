package io.crimecast.incident;

/** An incident that will not be counted, with its original bytes and where and why it was refused. */
public record Rejection(String incidentId, byte[] original, RejectReason reason, Stage stage, String detail) {
    public enum Stage {
        VALIDATE, COUNT;

        public String wireName() {
            return name().toLowerCase();
        }
    }
}
