package io.crimecast.incident;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crimecast.grid.Grid;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Parses and validates an incident's JSON (see topics/schemas/incident.schema.json) and places it in the grid of
 * the region that contains it. Stateless: duplicates and lateness are decided downstream, per region.
 */
public final class IncidentValidator {
    /** Strict: a second value for a field would let two readers of one record see different incidents. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /**
     * Jackson reads some invalid UTF-8 (overlong forms such as C0 AF) without complaint; the JDK's decoder refuses it.
     * Decoders keep state, so each stream thread has its own.
     */
    private static final ThreadLocal<CharsetDecoder> STRICT_UTF8 = ThreadLocal.withInitial(() ->
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
    private static final long MAX_FUTURE_MILLIS = 24L * 3600 * 1000;
    /**
     * The largest incident accepted. Far above a real incident (a few hundred bytes); a bound keeps every record the
     * app writes (repartition, rejected) far below the producer's request limit.
     */
    public static final int MAX_BYTES = 64 * 1024;
    /** Ids become keys of records and state stores; dispatch systems use a few dozen characters. */
    public static final int MAX_ID_LENGTH = 256;
    /** A date-only incident is placed at local noon, safely inside its day even across DST changes. */
    private static final LocalTime DATE_ONLY_TIME = LocalTime.NOON;

    private final IncidentPlacement placements;

    public IncidentValidator(List<Grid> grids) {
        this.placements = new IncidentPlacement(grids);
    }

    /** Validates {@code value}; {@code nowMillis} is the wall clock, for the "not in the future" rule. */
    public Validation validate(byte[] value, long nowMillis) {
        if (value == null) {
            return reject(null, null, RejectReason.UNPARSABLE, "no value (a tombstone)");
        }
        if (value.length > MAX_BYTES) {
            return reject(null, value, RejectReason.TOO_LARGE, value.length + " bytes; an incident may have at most " + MAX_BYTES);
        }
        String json;
        try {
            json = STRICT_UTF8.get().decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            return reject(null, value, RejectReason.INVALID_UTF8, "not valid UTF-8 (a malformed, overlong or surrogate sequence)");
        }
        JsonNode node;
        try (JsonParser parser = JSON.createParser(json)) {
            try {
                node = JSON.readTree(parser);
            } catch (JsonParseException e) { // Jackson has no type of its own for a duplicate, only this message
                boolean duplicate = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
                return reject(null, value, duplicate ? RejectReason.DUPLICATE_FIELD : RejectReason.UNPARSABLE,
                        (duplicate ? "" : "not JSON: ") + firstLine(e.getOriginalMessage()));
            }
            if (hasMoreContent(parser)) {
                return reject(null, value, RejectReason.TRAILING_CONTENT, "more content after the JSON value");
            }
        } catch (IOException e) {
            return reject(null, value, RejectReason.UNPARSABLE, "not JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            return reject(null, value, RejectReason.UNPARSABLE, "not a JSON object");
        }
        JsonNode idNode = node.get("id");
        if (idNode == null || idNode.isNull() || idNode.isTextual() && idNode.textValue().isBlank()) {
            return reject(null, value, RejectReason.MISSING_ID, "field 'id' is missing or empty");
        }
        if (!idNode.isTextual() || idNode.textValue().length() > MAX_ID_LENGTH) {
            return reject(null, value, RejectReason.BAD_ID, "field 'id' must be a string of at most " + MAX_ID_LENGTH
                    + " characters, was " + (idNode.isTextual() ? idNode.textValue().length() + " characters" : idNode.getNodeType()));
        }
        String id = idNode.textValue();
        String occurredAt = text(node, "occurredAt");
        if (occurredAt == null || occurredAt.isBlank()) {
            return reject(id, value, RejectReason.MISSING_TIME, "field 'occurredAt' is missing or empty");
        }
        try {
            Origin.parse(text(node, "origin"));
        } catch (IllegalArgumentException e) {
            return reject(id, value, RejectReason.BAD_ORIGIN, e.getMessage());
        }

        IncidentPlacement.Placement placement;
        try {
            placement = placements.place(node);
        } catch (IncidentPlacement.PlacementException e) {
            return reject(id, value, e.reason, e.getMessage());
        }

        ZoneId zone = placement.grid().spec().timeZone();
        Instant instant;
        LocalDate localDate;
        long epochMillis;
        try {
            TimeOfIncident t = parseTime(occurredAt.trim(), zone);
            instant = t.instant;
            localDate = t.localDate;
            epochMillis = instant.toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) { // ArithmeticException: a year such as +999999999
            return reject(id, value, RejectReason.BAD_TIME, "occurredAt '" + abbreviate(occurredAt)
                    + "' is not an ISO-8601 date-time with offset, local date-time or date within the representable range");
        }
        if (epochMillis > nowMillis + MAX_FUTURE_MILLIS) {
            return reject(id, value, RejectReason.FUTURE_TIME, "occurredAt " + instant + " is more than a day in the future");
        }
        if (localDate.isBefore(placement.grid().spec().earliest())) {
            return reject(id, value, RejectReason.BEFORE_EARLIEST, "occurredAt " + localDate + " is before the region's earliest date "
                    + placement.grid().spec().earliest());
        }
        return new Validation.Accepted(new AcceptedIncident(id, placement.grid().region(), placement.cell().id(), localDate,
                epochMillis, text(node, "category"), value));
    }

    private record TimeOfIncident(Instant instant, LocalDate localDate) {
    }

    /** ISO-8601 with offset, else a local date-time or date read in the region's zone. */
    private static TimeOfIncident parseTime(String text, ZoneId zone) {
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        if (iso.length() <= 10) {
            LocalDate date = LocalDate.parse(iso);
            return new TimeOfIncident(date.atTime(DATE_ONLY_TIME).atZone(zone).toInstant(), date);
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeException withoutOffset) {
            instant = LocalDateTime.parse(iso).atZone(zone).toInstant();
        }
        return new TimeOfIncident(instant, instant.atZone(zone).toLocalDate());
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    private static Validation reject(String id, byte[] value, RejectReason reason, String detail) {
        return new Validation.Rejected(new Rejection(id, value, reason, Rejection.Stage.VALIDATE, detail));
    }

    private static boolean hasMoreContent(JsonParser parser) {
        try {
            return parser.nextToken() != null;
        } catch (IOException e) {
            return true; // garbage that is not even a JSON token
        }
    }

    /** Details quote input; a quote is kept short so a detail header stays small. */
    private static String abbreviate(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "...";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
