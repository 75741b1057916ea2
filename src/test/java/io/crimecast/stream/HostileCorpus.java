package io.crimecast.stream;

import io.crimecast.grid.BoundingBox;
import io.crimecast.grid.Grid;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A generated corpus of hostile input (fixed seed) interleaved with valid incidents in time order, for Philadelphia:
 * random bytes, broken and deeply nested JSON, invalid UTF-8, duplicate fields, trailing content, ids that are not
 * strings, extreme and invalid dates and offsets, NaN and infinite coordinates, points on and just past the grid's
 * edges, huge values and headers, duplicates, too-late incidents. Each case says what must become of it. Used by the
 * TopologyTestDriver test and by the test through a real broker.
 */
public final class HostileCorpus {
    public static final int VALID = 3_000;
    private static final ZonedDateTime FIRST = ZonedDateTime.parse("2019-01-05T00:30:00-05:00[America/New_York]");

    /** One record to send and what must become of it: a rejection (reason, stage) or a count in (date, cell). */
    public record Case(String kind, byte[] value, RecordHeaders headers, String reason, String stage, LocalDate date, int cell) {
        public boolean valid() {
            return reason == null;
        }
    }

    private final Grid grid;
    private final Random random;
    private final Instant wallClock;

    /** {@code wallClock}: the app's "now", which decides what is too far in the future. */
    public HostileCorpus(Grid grid, long seed, Instant wallClock) {
        this.grid = grid;
        this.random = new Random(seed);
        this.wallClock = wallClock;
    }

    /** Valid incidents an hour or so apart, in time order, with a few hostile records after each. */
    public List<Case> generate() {
        List<Case> corpus = new ArrayList<>();
        List<Supplier<Case>> hostile = hostileGenerators();
        ZonedDateTime time = FIRST;
        for (int i = 0; i < VALID; i++) {
            time = time.plusMinutes(10 + random.nextInt(50));
            Case valid = valid("v" + i, time);
            corpus.add(valid);
            now = time;
            lastValidId = valid.kind().equals("valid") ? "v" + i : lastValidId;
            for (int j = random.nextInt(4); j > 0; j--) {
                corpus.add(hostile.get(random.nextInt(hostile.size())).get());
            }
        }
        corpus.add(valid("closing", time.plusDays(2)));
        return corpus;
    }

    private ZonedDateTime now = FIRST;
    private String lastValidId;
    private int serial;

    private Case valid(String id, ZonedDateTime time) {
        double lat = between(grid.spec().bbox().minY() + 0.01, grid.spec().bbox().maxY() - 0.01);
        double lon = between(grid.spec().bbox().minX() + 0.01, grid.spec().bbox().maxX() - 0.01);
        int cell = grid.locateLatLon(lat, lon).orElseThrow().id();
        String offsetTime = time.toOffsetDateTime().toString();
        return switch (random.nextInt(8)) {
            case 0 -> validCase("valid-local-time", incident(id, time.toLocalDateTime().toString(), lat, lon), time, cell);
            case 1 -> validCase("valid-coordinates-as-strings", json("{\"id\":\"%s\",\"occurredAt\":\"%s\",\"lat\":\"%s\",\"lon\":\"%s\"}",
                    id, offsetTime, lat, lon), time, cell);
            case 2 -> validCase("valid-escaped-control-characters", json("{\"id\":\"%s\\u0007\\u0000\",\"occurredAt\":\"%s\",\"lat\":%s,\"lon\":%s,\"category\":\"\\t\\n\"}",
                    id, offsetTime, lat, lon), time, cell);
            case 3 -> validCase("valid-big-string-within-the-limit", json("{\"id\":\"%s\",\"occurredAt\":\"%s\",\"lat\":%s,\"lon\":%s,\"category\":\"%s\"}",
                    id, offsetTime, lat, lon, "é".repeat(30_000)), time, cell);
            case 4 -> onTheEdge(id, time);
            default -> validCase("valid", incident(id, offsetTime, lat, lon), time, cell);
        };
    }

    /** A corner or edge point of the box: counted where the grid places it, else out of the area. */
    private Case onTheEdge(String id, ZonedDateTime time) {
        BoundingBox box = grid.spec().bbox();
        double lat = random.nextBoolean() ? box.minY() : box.maxY();
        double lon = random.nextBoolean() ? box.minX() : between(box.minX(), box.maxX());
        byte[] value = incident(id, time.toOffsetDateTime().toString(), lat, lon);
        return grid.locateLatLon(lat, lon).map(cell -> validCase("valid-on-the-edge", value, time, cell.id()))
                .orElseGet(() -> rejectedCase("edge-outside-the-grid", value, "out-of-area"));
    }

    private List<Supplier<Case>> hostileGenerators() {
        BoundingBox box = grid.spec().bbox();
        String t = "2019-03-01T10:00:00Z";
        List<Supplier<Case>> g = new ArrayList<>();
        g.add(() -> rejectedCase("random-bytes", randomBytes(1 + random.nextInt(300), (byte) 0xFF), "invalid-utf8"));
        g.add(() -> rejectedCase("random-text", ("#" + randomText(random.nextInt(300))).getBytes(StandardCharsets.UTF_8), "unparsable"));
        g.add(() -> rejectedCase("empty", new byte[0], "unparsable"));
        g.add(() -> rejectedCase("null-value", null, "unparsable"));
        g.add(() -> rejectedCase("top-level-array", json("[%s]", incidentText(id(), t, 39.95, -75.16)), "unparsable"));
        g.add(() -> rejectedCase("top-level-string", json("\"%s\"", id()), "unparsable"));
        g.add(() -> rejectedCase("top-level-number", json("%d", random.nextInt()), "unparsable"));
        g.add(() -> rejectedCase("truncated-json", Arrays.copyOf(incident(id(), t, 39.95, -75.16), 20), "unparsable"));
        g.add(() -> rejectedCase("deep-nesting-objects", json("%s1%s", "{\"a\":".repeat(10_000), "}".repeat(10_000)), "unparsable"));
        g.add(() -> rejectedCase("deep-nesting-inside-an-incident", json("{\"id\":\"%s\",\"occurredAt\":\"%s\",\"lat\":39.95,\"lon\":-75.16,\"n\":%s%s}",
                id(), t, "[".repeat(10_000), "]".repeat(10_000)), "unparsable"));
        g.add(() -> rejectedCase("raw-control-character", json("{\"id\":\"a\u0001b%s\",\"occurredAt\":\"%s\",\"lat\":39.95,\"lon\":-75.16}", id(), t), "unparsable"));
        g.add(() -> rejectedCase("nan-literal", json("{\"id\":\"%s\",\"occurredAt\":\"%s\",\"lat\":NaN,\"lon\":-75.16}", id(), t), "unparsable"));
        g.add(() -> rejectedCase("infinity-literal", json("{\"id\":\"%s\",\"occurredAt\":\"%s\",\"lat\":39.95,\"lon\":-Infinity}", id(), t), "unparsable"));
        g.add(() -> rejectedCase("single-quotes", json("{'id':'%s','occurredAt':'%s','lat':39.95,'lon':-75.16}", id(), t), "unparsable"));
        g.add(() -> rejectedCase("too-large", padded(65_537 + random.nextInt(100_000)), "too-large"));
        g.add(() -> rejectedCase("nearly-a-megabyte", random.nextInt(10) == 0 ? padded(1_048_000) : padded(70_000), "too-large"));
        g.add(() -> rejectedCase("overlong-utf8", withBytes(incident("x_" + id(), t, 39.95, -75.16), (byte) 0xC0, (byte) 0xAF), "invalid-utf8"));
        g.add(() -> rejectedCase("encoded-surrogate", withBytes(incident("x_" + id(), t, 39.95, -75.16), (byte) 0xED, (byte) 0xA0, (byte) 0x80), "invalid-utf8"));
        g.add(() -> rejectedCase("truncated-utf8", withBytes(incident("x_" + id(), t, 39.95, -75.16), (byte) 0xE2, (byte) 0x82), "invalid-utf8"));
        g.add(() -> rejectedCase("latin1", incident("caf\u00e9" + id(), t, 39.95, -75.16, StandardCharsets.ISO_8859_1), "invalid-utf8"));
        g.add(() -> rejectedCase("duplicate-id-field", json("{\"id\":\"%s\",\"id\":\"%s\",\"occurredAt\":\"%s\",\"lat\":39.95,\"lon\":-75.16}", id(), id(), t), "duplicate-field"));
        g.add(() -> rejectedCase("duplicate-nested-field", json("{\"id\":\"%s\",\"occurredAt\":\"%s\",\"lat\":39.95,\"lon\":-75.16,\"m\":{\"a\":1,\"a\":2}}", id(), t), "duplicate-field"));
        g.add(() -> rejectedCase("trailing-garbage", json("%s garbage", incidentText(id(), t, 39.95, -75.16)), "trailing-content"));
        g.add(() -> rejectedCase("trailing-object", json("%s{}", incidentText(id(), t, 39.95, -75.16)), "trailing-content"));
        g.add(() -> rejectedCase("two-incidents", json("%s\n%s", incidentText(id(), t, 39.95, -75.16), incidentText(id(), t, 39.95, -75.16)), "trailing-content"));
        g.add(() -> rejectedCase("numeric-id", json("{\"id\":%d,\"occurredAt\":\"%s\",\"lat\":39.95,\"lon\":-75.16}", random.nextInt(), t), "bad-id"));
        g.add(() -> rejectedCase("boolean-id", json("{\"id\":true,\"occurredAt\":\"%s\",\"lat\":39.95,\"lon\":-75.16}", t), "bad-id"));
        g.add(() -> rejectedCase("array-id", json("{\"id\":[\"%s\"],\"occurredAt\":\"%s\",\"lat\":39.95,\"lon\":-75.16}", id(), t), "bad-id"));
        g.add(() -> rejectedCase("object-id", json("{\"id\":{\"v\":\"%s\"},\"occurredAt\":\"%s\",\"lat\":39.95,\"lon\":-75.16}", id(), t), "bad-id"));
        g.add(() -> rejectedCase("very-long-id", incident(id() + "x".repeat(300), t, 39.95, -75.16), "bad-id"));
        g.add(() -> rejectedCase("empty-id", incident("", t, 39.95, -75.16), "missing-id"));
        g.add(() -> rejectedCase("null-id", json("{\"id\":null,\"occurredAt\":\"%s\",\"lat\":39.95,\"lon\":-75.16}", t), "missing-id"));
        g.add(() -> rejectedCase("no-time", json("{\"id\":\"%s\",\"lat\":39.95,\"lon\":-75.16}", id()), "missing-time"));
        g.add(() -> rejectedCase("year-plus-999999999", incident(id(), "+999999999-12-31T23:59:59Z", 39.95, -75.16), "bad-time"));
        g.add(() -> rejectedCase("year-minus-999999999", incident(id(), "-999999999-01-01T00:00:00Z", 39.95, -75.16), "bad-time"));
        g.add(() -> rejectedCase("local-year-plus-999999999", incident(id(), "+999999999-12-31T23:59:59", 39.95, -75.16), "bad-time"));
        g.add(() -> rejectedCase("local-year-minus-999999999", incident(id(), "-999999999-01-01T00:00", 39.95, -75.16), "bad-time"));
        g.add(() -> rejectedCase("february-30", incident(id(), "2019-02-30", 39.95, -75.16), "bad-time"));
        g.add(() -> rejectedCase("hour-25", incident(id(), "2019-03-01T25:00:00Z", 39.95, -75.16), "bad-time"));
        g.add(() -> rejectedCase("offset-past-18-hours", incident(id(), "2019-03-01T10:00:00+19:00", 39.95, -75.16), "bad-time"));
        g.add(() -> rejectedCase("epoch-seconds", json("{\"id\":\"%s\",\"occurredAt\":%d,\"lat\":39.95,\"lon\":-75.16}", id(), 1_551_434_400), "bad-time"));
        g.add(() -> rejectedCase("time-with-control-characters", incident(id(), "2019-03-01\\u0000T10:00:00Z", 39.95, -75.16), "bad-time"));
        g.add(() -> rejectedCase("far-future", incident(id(), "9999-12-31T00:00:00Z", 39.95, -75.16), "future-time"));
        g.add(() -> rejectedCase("two-days-ahead", incident(id(), wallClock.plus(Duration.ofDays(2)).toString(), 39.95, -75.16), "future-time"));
        g.add(() -> rejectedCase("before-earliest", incident(id(), "1999-12-31", 39.95, -75.16), "before-earliest"));
        g.add(() -> rejectedCase("no-coordinates", json("{\"id\":\"%s\",\"occurredAt\":\"%s\"}", id(), t), "missing-coordinates"));
        g.add(() -> rejectedCase("lat-only", json("{\"id\":\"%s\",\"occurredAt\":\"%s\",\"lat\":39.95}", id(), t), "missing-coordinates"));
        g.add(() -> rejectedCase("nan-string", json("{\"id\":\"%s\",\"occurredAt\":\"%s\",\"lat\":\"NaN\",\"lon\":-75.16}", id(), t), "bad-coordinates"));
        g.add(() -> rejectedCase("infinity-string", json("{\"id\":\"%s\",\"occurredAt\":\"%s\",\"lat\":39.95,\"lon\":\"-Infinity\"}", id(), t), "bad-coordinates"));
        g.add(() -> rejectedCase("overflowing-number", json("{\"id\":\"%s\",\"occurredAt\":\"%s\",\"lat\":1e400,\"lon\":-75.16}", id(), t), "bad-coordinates"));
        g.add(() -> rejectedCase("latitude-91", incident(id(), t, 91, -75.16), "bad-coordinates"));
        g.add(() -> rejectedCase("coordinates-as-objects", json("{\"id\":\"%s\",\"occurredAt\":\"%s\",\"lat\":{},\"lon\":[]}", id(), t), "bad-coordinates"));
        g.add(() -> rejectedCase("just-past-the-edge", incident(id(), t, box.maxY() + 1e-6, between(box.minX(), box.maxX())), "out-of-area"));
        g.add(() -> rejectedCase("just-below-the-edge", incident(id(), t, between(box.minY(), box.maxY()), box.minX() - 1e-6), "out-of-area"));
        g.add(() -> rejectedCase("another-city", incident(id(), t, 40.71, -74.00), "out-of-area"));
        g.add(() -> rejectedCase("unknown-region", json("{\"id\":\"%s\",\"region\":\"gotham\",\"occurredAt\":\"%s\",\"lat\":39.95,\"lon\":-75.16}", id(), t), "unknown-region"));
        g.add(() -> new Case("duplicate-of-the-last-incident", incident(lastValidId, now.toOffsetDateTime().toString(), 39.95, -75.16),
                new RecordHeaders(), "duplicate", "count", null, -1));
        g.add(() -> new Case("before-the-first-day", incident(id(), "2019-01-01T12:00:00-05:00", 39.95, -75.16),
                new RecordHeaders(), "too-late", "count", null, -1));
        g.add(() -> {
            Case c = rejectedCase("huge-headers", incident(id(), "yesterday", 39.95, -75.16), "bad-time");
            c.headers().add("trace", new byte[200_000]);
            return c;
        });
        return g;
    }

    private Case validCase(String kind, byte[] value, ZonedDateTime time, int cell) {
        return new Case(kind, value, new RecordHeaders(), null, null, time.toLocalDate(), cell);
    }

    private static Case rejectedCase(String kind, byte[] value, String reason) {
        return new Case(kind, value, new RecordHeaders(), reason, "validate", null, -1);
    }

    private String id() {
        return "h" + serial++;
    }

    private double between(double min, double max) {
        return min + random.nextDouble() * (max - min);
    }

    private byte[] randomBytes(int n, byte first) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        b[0] = first;
        return b;
    }

    private String randomText(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) (32 + random.nextInt(95)));
        }
        return s.toString();
    }

    private byte[] padded(int size) {
        String head = incidentText(id(), "2019-03-01T10:00:00Z", 39.95, -75.16);
        String category = "x".repeat(Math.max(0, size - head.length() - 16));
        return json("%s,\"category\":\"%s\"}", head.substring(0, head.length() - 1), category);
    }

    /** {@code json} with {@code extra} in place of its first '_', as raw bytes. */
    private static byte[] withBytes(byte[] json, byte... extra) {
        int at = new String(json, StandardCharsets.UTF_8).indexOf('_');
        byte[] out = new byte[json.length - 1 + extra.length];
        System.arraycopy(json, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(json, at + 1, out, at + extra.length, json.length - at - 1);
        return out;
    }

    private static String incidentText(String id, String occurredAt, double lat, double lon) {
        return "{\"id\":\"%s\",\"occurredAt\":\"%s\",\"lat\":%s,\"lon\":%s,\"category\":\"Thefts\"}".formatted(id, occurredAt, lat, lon);
    }

    private static byte[] incident(String id, String occurredAt, double lat, double lon) {
        return incident(id, occurredAt, lat, lon, StandardCharsets.UTF_8);
    }

    private static byte[] incident(String id, String occurredAt, double lat, double lon, java.nio.charset.Charset charset) {
        return incidentText(id, occurredAt, lat, lon).getBytes(charset);
    }

    private static byte[] json(String format, Object... args) {
        return format.formatted(args).getBytes(StandardCharsets.UTF_8);
    }

}
