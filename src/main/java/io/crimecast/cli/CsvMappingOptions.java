package io.crimecast.cli;

import io.crimecast.replay.ColumnMapping;
import io.crimecast.replay.IncidentFormat;
import picocli.CommandLine.Option;

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

    @Option(names = "--x-col", paramLabel = "COL", description = "csv: x (easting, or longitude) in the region's CRS")
    String xCol;

    @Option(names = "--y-col", paramLabel = "COL", description = "csv: y (northing, or latitude) in the region's CRS")
    String yCol;

    @Option(names = "--category-col", paramLabel = "COL", description = "csv: category column")
    String categoryCol;

    ColumnMapping mapping() {
        IncidentFormat f = IncidentFormat.fromCli(format);
        boolean anyColumnFlag = idCol != null || timeCol != null || timePattern != null || xCol != null || yCol != null || categoryCol != null;
        if (f != IncidentFormat.CSV && anyColumnFlag) {
            throw new IllegalArgumentException("column flags (--time-col etc.) apply to --format csv only");
        }
        return ColumnMapping.forFormat(f, f == IncidentFormat.CSV
                ? new ColumnMapping(idCol, timeCol, timePattern, xCol, yCol, categoryCol, false) : null);
    }
}
