package io.crimecast.cli;

import picocli.CommandLine.Option;

import java.util.List;

/** The incident categories an offline command counts (forecast, audit). */
final class CategoryOption {
    @Option(names = "--category", paramLabel = "C",
            description = "Count only incidents of this category (exact name, any case; repeatable); default all")
    List<String> categories = List.of();
}
