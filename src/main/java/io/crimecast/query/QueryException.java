package io.crimecast.query;

/** A request the API answers with an error status and a message saying what to change. */
final class QueryException extends RuntimeException {
    private final int status;

    QueryException(int status, String message) {
        super(message);
        this.status = status;
    }

    static QueryException badRequest(String message) {
        return new QueryException(400, message);
    }

    static QueryException notFound(String message) {
        return new QueryException(404, message);
    }

    int status() {
        return status;
    }
}
