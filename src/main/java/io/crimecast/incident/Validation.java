package io.crimecast.incident;

/** The outcome of validating one incident record. */
public sealed interface Validation {
    record Accepted(AcceptedIncident incident) implements Validation {
    }

    record Rejected(Rejection rejection) implements Validation {
    }
}
