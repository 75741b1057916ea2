package io.crimecast.stream;

import io.crimecast.incident.IncidentValidator;
import io.crimecast.incident.Rejection;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a record on the rejected-incidents topic carries: the original bytes, cut to {@link #MAX_ORIGINAL_BYTES}, and
 * headers that explain it. Every bound here keeps a rejected record under {@link #MAX_RECORD_BYTES}, far below the
 * producer's request limit, whatever a producer sent: an oversized rejection would fail the stream, and again at
 * every restart.
 */
public final class Rejections {
    public static final String REASON = "crimecast.reason";
    public static final String STAGE = "crimecast.stage";
    public static final String DETAIL = "crimecast.detail";
    /** Present when the original was cut: its full length in bytes. */
    public static final String TRUNCATED = "crimecast.truncated";
    /** Present when the producer's own headers were too large to forward: their total size in bytes. */
    public static final String HEADERS_DROPPED = "crimecast.headers-dropped";

    /** The accepted incident size: every accepted incident's bytes fit, so nothing valid is ever cut. */
    public static final int MAX_ORIGINAL_BYTES = IncidentValidator.MAX_BYTES;
    /** Tracing and similar headers fit easily; more is not an incident's business. */
    public static final int MAX_PRODUCER_HEADER_BYTES = 16 * 1024;
    static final int MAX_DETAIL_CHARS = 1024;
    /** A bound on a rejected record: original, producer headers, our headers (detail at 4 bytes a char) and key. */
    public static final int MAX_RECORD_BYTES = MAX_ORIGINAL_BYTES + MAX_PRODUCER_HEADER_BYTES + 4 * MAX_DETAIL_CHARS
            + 4 * IncidentValidator.MAX_ID_LENGTH + 1024;

    private Rejections() {
    }

    /** The bytes written for a rejection: the original, cut to {@link #MAX_ORIGINAL_BYTES} when longer. */
    public static byte[] payload(Rejection rejection) {
        byte[] original = rejection.original();
        return original == null || original.length <= MAX_ORIGINAL_BYTES ? original : Arrays.copyOf(original, MAX_ORIGINAL_BYTES);
    }

    public static Headers describe(Headers headers, Rejection rejection) {
        headers.remove(REASON).remove(STAGE).remove(DETAIL).remove(TRUNCATED);
        headers.add(REASON, bytes(rejection.reason().wireName()));
        headers.add(STAGE, bytes(rejection.stage().wireName()));
        String detail = rejection.detail() == null ? "" : rejection.detail();
        headers.add(DETAIL, bytes(detail.length() <= MAX_DETAIL_CHARS ? detail : detail.substring(0, MAX_DETAIL_CHARS) + "..."));
        if (rejection.original() != null && rejection.original().length > MAX_ORIGINAL_BYTES) {
            headers.add(TRUNCATED, bytes(Integer.toString(rejection.original().length)));
        }
        return headers;
    }

    /**
     * Removes a producer's headers when together they exceed {@link #MAX_PRODUCER_HEADER_BYTES}, noting their size;
     * the topology forwards input headers, and a megabyte of them would not fit a record it writes.
     */
    public static Headers capProducerHeaders(Headers headers) {
        long size = 0;
        for (Header h : headers) {
            size += h.key().length() + (h.value() == null ? 0 : h.value().length);
        }
        if (size > MAX_PRODUCER_HEADER_BYTES) {
            for (Header h : headers.toArray()) {
                headers.remove(h.key());
            }
            headers.add(HEADERS_DROPPED, bytes(Long.toString(size)));
        }
        return headers;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
