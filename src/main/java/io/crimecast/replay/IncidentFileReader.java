package io.crimecast.replay;

import io.crimecast.grid.RegionSpec;
import io.crimecast.incident.Incident;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Reads incident exports (.csv or .csv.gz; UTF-8 with or without a BOM; CRLF or LF) into incidents in event-time
 * order, counting the rows it cannot use by reason.
 */
public final class IncidentFileReader {
    /** Without --time-pattern: an ISO-8601 date, or date-time ('T' or a space) with or without an offset. */
    private static final DateTimeFormatter ISO_DATE_OR_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendPattern("[ ]['T']").append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffsetId().optionalEnd().optionalEnd()
            .toFormatter();

    private final RegionSpec region;
    private final ColumnMapping mapping;
    private final DateTimeFormatter timeFormat;

    public IncidentFileReader(RegionSpec region, ColumnMapping mapping) {
        this.region = region;
        this.mapping = mapping;
        // Case-insensitive and locale-independent, so "pm" and "PM" both parse whatever the machine's language.
        this.timeFormat = mapping.timePattern() == null ? ISO_DATE_OR_DATE_TIME
                : new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(mapping.timePattern()).toFormatter(Locale.ROOT);
    }

    /** An incident and the instant it sorts by (local noon for a date-only incident). */
    public record TimedIncident(Instant at, Incident incident) {
    }

    /** The usable incidents in event-time order, and what was skipped. */
    public record ReadResult(List<TimedIncident> incidents, long rowsRead, Map<String, Long> skipped) {
        public long skippedTotal() {
            return skipped.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public ReadResult read(List<Path> files) {
        List<TimedIncident> out = new ArrayList<>();
        Map<String, Long> skipped = new TreeMap<>();
        long rows = 0;
        for (Path file : files) {
            rows += readFile(file, out, skipped);
        }
        out.sort(Comparator.comparing(TimedIncident::at));
        return new ReadResult(out, rows, skipped);
    }

    private long readFile(Path file, List<TimedIncident> out, Map<String, Long> skipped) {
        String source = file.toString();
        try (InputStream raw = open(file);
             Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(raw).get(), StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true).get().parse(reader)) {
            checkColumns(csv, file);
            long rows = 0;
            for (CSVRecord row : csv) {
                rows++;
                String reason = parseRow(row, source, out);
                if (reason != null) {
                    skipped.merge(reason, 1L, Long::sum);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private void checkColumns(CSVParser csv, Path file) {
        List<String> header = csv.getHeaderNames();
        for (String col : new String[]{mapping.idCol(), mapping.timeCol(), mapping.xCol(), mapping.yCol(), mapping.categoryCol()}) {
            if (col != null && header.stream().noneMatch(h -> h.equalsIgnoreCase(col))) {
                throw new IllegalArgumentException(file + " has no column '" + col + "'; its columns are " + header);
            }
        }
    }

    /** Adds the row's incident to {@code out}, or returns why it was skipped. */
    private String parseRow(CSVRecord row, String source, List<TimedIncident> out) {
        if (!row.isConsistent()) {
            return "malformed-row";
        }
        String id = mapping.idCol() == null ? source + "#" + row.getRecordNumber() : row.get(mapping.idCol());
        if (id.isEmpty()) {
            return "missing-id";
        }
        String xText = row.get(mapping.xCol());
        String yText = row.get(mapping.yCol());
        if (xText.isEmpty() || yText.isEmpty()) {
            return "missing-coordinates";
        }
        double x, y;
        try {
            x = Double.parseDouble(xText);
            y = Double.parseDouble(yText);
        } catch (NumberFormatException e) {
            return "bad-coordinates";
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return "bad-coordinates";
        }
        String timeText = row.get(mapping.timeCol());
        if (timeText.isEmpty()) {
            return "missing-time";
        }
        String occurredAt;
        Instant at;
        try {
            TemporalAccessor t = timeFormat.parseBest(timeText, OffsetDateTime::from, ZonedDateTime::from,
                    LocalDateTime::from, LocalDate::from);
            if (t instanceof OffsetDateTime odt) {
                at = odt.toInstant();
                occurredAt = at.atZone(region.timeZone()).toOffsetDateTime().toString();
            } else if (t instanceof ZonedDateTime zdt) {
                at = zdt.toInstant();
                occurredAt = at.atZone(region.timeZone()).toOffsetDateTime().toString();
            } else if (t instanceof LocalDateTime ldt) {
                at = ldt.atZone(region.timeZone()).toInstant();
                occurredAt = ldt.toString();
            } else {
                LocalDate date = (LocalDate) t;
                at = date.atTime(LocalTime.NOON).atZone(region.timeZone()).toInstant();
                occurredAt = date.toString();
            }
        } catch (DateTimeException e) {
            return "bad-time";
        }
        if (at.isBefore(Instant.EPOCH)) {
            return "bad-time"; // Kafka record timestamps start in 1970
        }
        out.add(new TimedIncident(at, incident(id, occurredAt, x, y, row)));
        return null;
    }

    private Incident incident(String id, String occurredAt, double x, double y, CSVRecord row) {
        String category = mapping.categoryCol() == null ? null : row.get(mapping.categoryCol());
        String source = region.name() + "-replay";
        return mapping.latLon()
                ? new Incident(id, occurredAt, y, x, null, null, category, source, region.name())
                : new Incident(id, occurredAt, null, null, x, y, category, source, region.name());
    }
}
