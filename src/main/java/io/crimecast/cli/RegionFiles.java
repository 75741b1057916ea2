package io.crimecast.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

/** A region and the incident files to read for it, with their layout: what check, replay, evaluate, forecast and bench take. */
final class RegionFiles {
    @Mixin
    CsvMappingOptions files;

    @Option(names = "--region", required = true, paramLabel = "R", description = "Region name or region file")
    String region;

    @Parameters(arity = "1..*", paramLabel = "FILES", description = "Incident files (.csv or .csv.gz)")
    List<Path> paths;
}
