package io.crimecast.replay;

import io.crimecast.grid.Grid;
import io.crimecast.grid.RegionSpec;
import io.crimecast.incident.Incident;
import io.crimecast.incident.Origin;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * Reads incident exports (.csv or .csv.gz; UTF-8 with or without a BOM, or another encoding; CRLF or LF) into
 * incidents in event-time order, counting the rows it cannot use by reason and keeping a few of them as samples.
 * Longer than most classes here: each check of a row (encoding, columns, time, coordinates) gives its own skip
 * reason, and keeping them in one place keeps the reasons and their counts consistent.
 */
public final class IncidentFileReader {
    /** Without --time-pattern: an ISO-8601 date, or date-time ('T' or a space) with or without an offset. */
    private static final DateTimeFormatter ISO_DATE_OR_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendPattern("[ ]['T']").append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffsetId().optionalEnd().optionalEnd()
            .toFormatter();

    /** Sample rows kept per skip reason. */
    static final int SAMPLES_PER_REASON = 3;

    private final RegionSpec region;
    private final ColumnMapping mapping;
    private final Charset encoding;
    private final DateTimeFormatter timeFormat;
    private final boolean projectedRegion;

    public IncidentFileReader(RegionSpec region, ColumnMapping mapping) {
        this(region, mapping, StandardCharsets.UTF_8);
    }

    public IncidentFileReader(RegionSpec region, ColumnMapping mapping, Charset encoding) {
        this.region = region;
        this.mapping = mapping;
        this.encoding = encoding;
        this.timeFormat = timeFormat(mapping.timePattern());
        this.projectedRegion = !new Grid(region).geographic();
    }

    /** The parser of a --time-pattern (ISO-8601 without one). */
    public static DateTimeFormatter timeFormat(String pattern) {
        // Case-insensitive and locale-independent, so "pm" and "PM" both parse whatever the machine's language.
        return pattern == null ? ISO_DATE_OR_DATE_TIME
                : new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ROOT);
    }

    /** An incident and the instant it sorts by (local noon for a date-only incident). */
    public record TimedIncident(Instant at, Incident incident) {
    }

    /** A row that was skipped: its file, its row number (1 is the first row after the header) and the offending value. */
    public record SkippedRow(String file, long row, String value) {
    }

    /**
     * The usable incidents in event-time order, and what was skipped: a count per reason and up to
     * {@value #SAMPLES_PER_REASON} sample rows per reason.
     */
    public record ReadResult(List<TimedIncident> incidents, long rowsRead, Map<String, Long> skipped,
                             Map<String, List<SkippedRow>> samples) {
        public long skippedTotal() {
            return skipped.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Why a row was skipped, and the value that made it so. */
    private record Skip(String reason, String value) {
    }

    public ReadResult read(List<Path> files) {
        List<TimedIncident> out = new ArrayList<>();
        Map<String, Long> skipped = new TreeMap<>();
        Map<String, List<SkippedRow>> samples = new TreeMap<>();
        long rows = 0;
        for (Path file : files) {
            rows += readFile(file, out, skipped, samples);
        }
        out.sort(Comparator.comparing(TimedIncident::at));
        return new ReadResult(out, rows, skipped, samples);
    }

    private long readFile(Path file, List<TimedIncident> out, Map<String, Long> skipped, Map<String, List<SkippedRow>> samples) {
        String source = file.toString();
        try (InputStream raw = open(file);
             Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(raw).get(), encoding);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true).get().parse(reader)) {
            checkColumns(csv, file);
            long rows = 0;
            for (CSVRecord row : csv) {
                rows++;
                checkEncoding(row, source);
                Skip skip = parseRow(row, source, out);
                if (skip != null) {
                    skipped.merge(skip.reason(), 1L, Long::sum);
                    List<SkippedRow> kept = samples.computeIfAbsent(skip.reason(), r -> new ArrayList<>());
                    if (kept.size() < SAMPLES_PER_REASON) {
                        kept.add(new SkippedRow(source, row.getRecordNumber(), skip.value()));
                    }
                }
            }
            return rows;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The decoder puts U+FFFD where bytes are not valid in the encoding; such a row is refused rather than
     * published with mangled text (a file that holds U+FFFD itself was mangled before it got here).
     */
    private void checkEncoding(CSVRecord row, String source) {
        for (String value : row) {
            if (value.indexOf('\uFFFD') >= 0) {
                throw new IllegalArgumentException(("%s row %d has bytes that are not valid %s ('%s'); give the file's encoding,"
                        + " e.g. --encoding windows-1252").formatted(source, row.getRecordNumber(), encoding.name(), value));
            }
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private void checkColumns(CSVParser csv, Path file) {
        List<String> header = csv.getHeaderNames();
        for (String col : new String[]{mapping.idCol(), mapping.timeCol(), mapping.xCol(), mapping.yCol(), mapping.categoryCol(), mapping.originCol()}) {
            if (col != null && header.stream().noneMatch(h -> h.equalsIgnoreCase(col))) {
                throw new IllegalArgumentException(file + " has no column '" + col + "'; its columns are " + header);
            }
        }
    }

    /** Adds the row's incident to {@code out}, or returns why it was skipped. */
    private Skip parseRow(CSVRecord row, String source, List<TimedIncident> out) {
        if (!row.isConsistent()) {
            return new Skip("malformed-row", row.size() + " fields where the header has " + row.getParser().getHeaderNames().size());
        }
        String id = mapping.idCol() == null ? source + "#" + row.getRecordNumber() : row.get(mapping.idCol());
        if (id.isEmpty()) {
            return new Skip("missing-id", id);
        }
        String xText = row.get(mapping.xCol());
        String yText = row.get(mapping.yCol());
        String coordinates = xText + ", " + yText;
        if (xText.isEmpty() || yText.isEmpty()) {
            return new Skip("missing-coordinates", coordinates);
        }
        double x, y;
        try {
            x = Double.parseDouble(xText);
            y = Double.parseDouble(yText);
        } catch (NumberFormatException e) {
            return new Skip("bad-coordinates", coordinates);
        }
        if (!Double.isFinite(x) || !Double.isFinite(y) || mapping.latLon() && (Math.abs(x) > 180 || Math.abs(y) > 90)) {
            return new Skip("bad-coordinates", coordinates);
        }
        if (x == 0 && y == 0) {
            return new Skip("zero-coordinates", coordinates); // a placeholder for "unknown", not a place
        }
        if (projectedRegion && !mapping.latLon() && Math.abs(x) <= 180 && Math.abs(y) <= 90 && !region.bbox().contains(x, y)) {
            return new Skip("lonlat-in-projected-region", coordinates);
        }
        String timeText = row.get(mapping.timeCol());
        if (timeText.isEmpty()) {
            return new Skip("missing-time", timeText);
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
            return new Skip("bad-time", timeText);
        }
        if (at.isBefore(Instant.EPOCH)) {
            return new Skip("bad-time", timeText); // Kafka record timestamps start in 1970
        }
        Origin origin;
        try {
            origin = Origin.parse(mapping.originCol() == null ? null : row.get(mapping.originCol()));
        } catch (IllegalArgumentException e) {
            return new Skip("bad-origin", row.get(mapping.originCol()));
        }
        out.add(new TimedIncident(at, incident(id, occurredAt, x, y, row, origin)));
        return null;
    }

    private Incident incident(String id, String occurredAt, double x, double y, CSVRecord row, Origin origin) {
        String category = mapping.categoryCol() == null ? null : row.get(mapping.categoryCol());
        String source = region.name() + "-replay";
        String originName = origin == Origin.UNKNOWN ? null : origin.wireName(); // unknown is the default: left out of the JSON
        return mapping.latLon()
                ? new Incident(id, occurredAt, y, x, null, null, category, source, region.name(), originName)
                : new Incident(id, occurredAt, null, null, x, y, category, source, region.name(), originName);
    }
}
