package io.crimecast.stream;

import io.crimecast.incident.Rejection;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/** The headers that explain a record on the rejected-incidents topic. */
public final class Rejections {
    public static final String REASON = "crimecast.reason";
    public static final String STAGE = "crimecast.stage";
    public static final String DETAIL = "crimecast.detail";

    private Rejections() {
    }

    public static Headers describe(Headers headers, Rejection rejection) {
        headers.remove(REASON).remove(STAGE).remove(DETAIL);
        headers.add(REASON, bytes(rejection.reason().wireName()));
        headers.add(STAGE, bytes(rejection.stage().wireName()));
        headers.add(DETAIL, bytes(rejection.detail() == null ? "" : rejection.detail()));
        return headers;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
