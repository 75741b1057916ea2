package io.crimecast.cli;

import io.crimecast.grid.RegionSpec;
import io.crimecast.replay.ColumnMapping;
import io.crimecast.replay.IncidentFileReader;
import io.crimecast.replay.IncidentFormat;
import picocli.CommandLine.Option;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/** How to read incident files: a known format, or any CSV by column mapping. */
final class CsvMappingOptions {
    @Option(names = "--format", required = true, paramLabel = "philadelphia|portland-nij|csv",
            description = "Layout of the files; csv takes the column flags below")
    String format;

    @Option(names = "--id-col", paramLabel = "COL", description = "csv: incident id column (default: file#row)")
    String idCol;

    @Option(names = "--time-col", paramLabel = "COL", description = "csv: time column")
    String timeCol;

    @Option(names = "--time-pattern", paramLabel = "PATTERN",
            description = "csv: java.time pattern of the time column, e.g. 'MM/dd/yyyy HH:mm' (default ISO-8601); local times are read in the region's zone")
    String timePattern;

    @Option(names = "--x-col", paramLabel = "COL", description = "csv: x (easting, or longitude) in the region's CRS, or longitude with --coords lonlat")
    String xCol;

    @Option(names = "--y-col", paramLabel = "COL", description = "csv: y (northing, or latitude) in the region's CRS, or latitude with --coords lonlat")
    String yCol;

    @Option(names = "--coords", defaultValue = "crs", paramLabel = "crs|lonlat",
            description = "csv: what --x-col and --y-col hold: crs (the region's CRS) or lonlat (WGS84 longitude and latitude,"
                    + " converted to a projected region's CRS); default ${DEFAULT-VALUE}")
    String coords;

    @Option(names = "--encoding", defaultValue = "UTF-8", paramLabel = "CHARSET",
            description = "Character encoding of the files, e.g. windows-1252 or ISO-8859-1 (default ${DEFAULT-VALUE}); bytes not valid in it are an error")
    String encoding;

    @Option(names = "--category-col", paramLabel = "COL", description = "csv: category column")
    String categoryCol;

    @Option(names = "--origin-col", paramLabel = "COL",
            description = "csv: column saying how each incident became known: reported, officer-initiated or unknown (blank: unknown);"
                    + " rows with another value are skipped as bad-origin")
    String originCol;

    ColumnMapping mapping() {
        IncidentFormat f = IncidentFormat.fromCli(format);
        boolean anyColumnFlag = idCol != null || timeCol != null || timePattern != null || xCol != null || yCol != null || categoryCol != null
                || originCol != null;
        if (f != IncidentFormat.CSV && anyColumnFlag) {
            throw new IllegalArgumentException("column flags (--time-col etc.) apply to --format csv only");
        }
        if (!coords.equals("crs") && !coords.equals("lonlat")) {
            throw new IllegalArgumentException("--coords must be crs or lonlat, was '" + coords + "'");
        }
        if (f != IncidentFormat.CSV && coords.equals("lonlat")) {
            throw new IllegalArgumentException("--coords applies to --format csv only");
        }
        return ColumnMapping.forFormat(f, f == IncidentFormat.CSV
                ? new ColumnMapping(idCol, timeCol, timePattern, xCol, yCol, categoryCol, coords.equals("lonlat"), originCol) : null);
    }

    /** A reader of these files for a region. */
    IncidentFileReader reader(RegionSpec region) {
        return new IncidentFileReader(region, mapping(), charset());
    }

    /** A reader of these files that takes {@code column} as the category, e.g. audit's district column. */
    IncidentFileReader readerWithCategory(RegionSpec region, String column) {
        return new IncidentFileReader(region, mapping().withCategoryCol(column), charset());
    }

    private Charset charset() {
        try {
            return Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("--encoding: unknown character encoding '" + encoding + "' (e.g. UTF-8, windows-1252, ISO-8859-1)", e);
        }
    }
}
