package io.crimecast.cli;

import io.crimecast.audit.Audit;
import io.crimecast.audit.AuditPage;
import io.crimecast.audit.AuditReport;
import io.crimecast.audit.Concentration;
import io.crimecast.audit.DistrictShare;
import io.crimecast.audit.Drift;
import io.crimecast.audit.OriginCounts;
import io.crimecast.audit.Persistence;
import io.crimecast.config.CrimecastConfig;
import io.crimecast.forecast.FlagBudget;
import io.crimecast.forecast.IncidentSplit;
import io.crimecast.grid.Districts;
import io.crimecast.grid.FeedbackCorrection;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Layer;
import io.crimecast.grid.Regions;
import io.crimecast.replay.IncidentFileReader.TimedIncident;
import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.TopicNames;
import io.crimecast.train.CountMatrix;
import io.crimecast.train.CountTopicReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audits a trailing-count forecaster's daily flags over a period, offline (incident files, or the counts topic): how concentrated and persistent they"
                + " are, each district's share, and a feedback simulation (patrols in flagged cells discover extra incidents that"
                + " are counted back) showing how far the flags drift, with and without discounting the discoveries. Writes DIR/audit.json and DIR/audit.html.")
final class AuditCommand implements Callable<Integer> {
    private static final double DEFAULT_DISCOUNT = 0.5;

    @Option(names = "--region", required = true, paramLabel = "R", description = "Region name or region file")
    String region;

    @Parameters(arity = "0..*", paramLabel = "FILES", description = "Incident files (.csv or .csv.gz), read with --format; or give --counts-topic")
    List<Path> paths = List.of();

    @ArgGroup(exclusive = false, heading = "Reading incident files:%n")
    CsvMappingOptions files;

    @Mixin
    CategoryOption category;

    @Option(names = "--counts-topic", description = "Read the closed days' counts of --layer from the cell-daily-counts topic (to its end) instead of files")
    boolean countsTopic;

    @Option(names = "--layer", defaultValue = "all", paramLabel = "LAYER", description = "With --counts-topic: the region's layer audited (default ${DEFAULT-VALUE})")
    String layer;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day audited (local date)")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day audited (local date)")
    LocalDate to;

    @Option(names = "--flag-area", defaultValue = "0.25 sq mi", paramLabel = "AREA",
            description = "Area flagged each day: the best whole cells that fit, e.g. 0.25sqmi, 1km2 (default ${DEFAULT-VALUE})")
    String flagArea;

    @Option(names = "--lookback", defaultValue = "365", paramLabel = "DAYS",
            description = "The forecaster ranks cells by their counts over the last DAYS days (default ${DEFAULT-VALUE}; 28 for the 28-day mean)")
    int lookbackDays;

    @Option(names = "--feedback", split = ",", defaultValue = "0.1,0.3", paramLabel = "RATE",
            description = "Discovery rates to simulate: a flagged cell finds Poisson(RATE x its forecast) extra incidents that day (default ${DEFAULT-VALUE})")
    List<Double> rates;

    @Option(names = "--discount", paramLabel = "W",
            description = "The correction's weight, within 0..1: the probability an officer-initiated incident found in a flagged cell"
                    + " (discovered or real) is counted (default: the region's feedbackCorrection.officerInitiatedWeight, else 0.5)")
    Double discount;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed of the simulated discoveries (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--district-column", paramLabel = "COL",
            description = "Column naming each incident's district (Philadelphia: dc_dist): adds each district's share of the flags;"
                    + " a cell belongs to the district most of its incidents name")
    String districtColumn;

    @Option(names = "--districts", paramLabel = "FILE",
            description = "GeoJSON FeatureCollection of district polygons (WGS84 lon/lat; e.g. examples/districts/portland-police-districts.geojson):"
                    + " adds each district's share of the flags; a cell belongs to the district its centre lies in")
    Path districtsFile;

    @Option(names = "--district-property", defaultValue = "district", paramLabel = "NAME",
            description = "With --districts: the feature property that names a district (default ${DEFAULT-VALUE})")
    String districtProperty;

    @Option(names = "--out", defaultValue = "audit", paramLabel = "DIR", description = "Output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws IOException {
        Grid grid = new Grid(Regions.load(region));
        if (districtColumn != null && districtsFile != null) {
            throw new IllegalArgumentException("give --district-column or --districts, not both");
        }
        Audited audited = countsTopic ? fromTopic(grid) : fromFiles(grid);
        FlagBudget budget = FlagBudget.of(grid, flagArea, null);
        String[] districts = districtsFile != null ? Districts.read(districtsFile, districtProperty).ofCells(grid)
                : districtColumn != null ? DistrictShare.ownersByIncidents(grid, files.readerWithCategory(grid.spec(), districtColumn)
                .read(paths).incidents()) : null;
        FeedbackCorrection correction = grid.spec().feedbackCorrection();
        double weight = discount != null ? discount : correction != null ? correction.officerInitiatedWeight() : DEFAULT_DISCOUNT;
        Audit.Result result = Audit.run(audited.counts(), audited.categories(), budget, lookbackDays, from, to, rates, weight, seed, districts);
        AuditReport report = result.report();
        print(report);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
        }
        Path file = out.resolve("audit.json");
        JsonSerde.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), report);
        Path page = out.resolve("audit.html");
        AuditPage.write(result, grid, page);
        System.out.println("wrote " + file + " and " + page);
        return 0;
    }

    /** The daily counts audited (through {@code --to}) and the categories they count. */
    private record Audited(OriginCounts counts, List<String> categories) {
    }

    private Audited fromTopic(Grid grid) {
        if (!paths.isEmpty() || files != null || !category.categories.isEmpty() || districtColumn != null) {
            throw new IllegalArgumentException("--counts-topic reads counts, not incidents: no FILES, --format, --category or --district-column"
                    + " (give --layer; --districts works)");
        }
        Layer audited = grid.spec().layer(layer);
        CrimecastConfig config = kafka.config();
        CountMatrix counts = CountTopicReader.read(grid, audited.name(), config.bootstrapServers(), config.clientProperties(),
                TopicNames.DEFAULT.cellDailyCounts());
        return new Audited(new OriginCounts(counts.slice(counts.firstDay(), to.plusDays(1)), null), audited.categories());
    }

    private Audited fromFiles(Grid grid) {
        if (paths.isEmpty() || files == null) {
            throw new IllegalArgumentException("give incident FILES with --format, or --counts-topic");
        }
        List<TimedIncident> incidents = IncidentSplit.ofCategories(files.reader(grid.spec()).read(paths).incidents(), category.categories);
        return new Audited(OriginCounts.of(IncidentSplit.before(grid, incidents, to.plusDays(1)), incidents), category.categories);
    }

    private static void print(AuditReport r) {
        System.out.printf("%s, %s, %s..%s: each day the best %d cells (%.2f sq mi of %d study cells) by the last %d days' counts%n",
                r.region(), r.categories().isEmpty() ? "all" : String.join(", ", r.categories()), r.from(), r.to(),
                r.budgetCells(), r.budgetSqMi(), r.studyCells(), r.lookbackDays());
        if (r.officerInitiated() > 0) {
            System.out.printf("%d of the period's incidents are officer-initiated: the corrected runs thin those found in flagged cells too%n",
                    r.officerInitiated());
        }
        Concentration c = r.concentration();
        System.out.printf("%nconcentration  Gini of flagged days %.3f; top 1%% of cells hold %.1f%%, top 10%% %.1f%% of flagged cell-days;"
                        + " %.1f%% of incidents in %.2f%% of the area (PAI %.1f)%n", c.gini(), 100 * c.top1PercentShare(),
                100 * c.top10PercentShare(), 100 * c.incidentShare(), 100 * c.areaShare(), c.pai());
        Persistence p = r.persistence();
        System.out.printf("persistence    %d distinct cells flagged; runs of %.1f days on average (median %.1f); daily turnover %.1f%%%n",
                p.distinctCells(), p.meanRunDays(), p.medianRunDays(), 100 * p.meanTurnover());
        if (!r.districts().isEmpty()) {
            System.out.printf("%n%-12s %6s %9s %10s %7s%n", "district", "cells", "flagged", "incidents", "cells");
            for (DistrictShare d : r.districts()) {
                System.out.printf("%-12s %6d %8.1f%% %9.1f%% %6.1f%%%n", d.district(), d.cells(), 100 * d.flaggedShare(),
                        100 * d.incidentShare(), 100 * d.cellShare());
            }
        }
        System.out.printf("%nfeedback  weight  Jaccard with the plain run: week 1, 13, 26, last  below 0.5 from week  self-made  cells  turnover%n");
        for (Drift d : r.feedback()) {
            List<Double> w = d.weeklyJaccard();
            System.out.printf("%7.0f%%  %6.2f  %s  %20s  %8.1f%%  %5d  %7.1f%%%n", 100 * d.rate(), d.weight(),
                    List.of(0, 12, 25, w.size() - 1).stream().map(i -> i < w.size() ? "%.2f".formatted(w.get(i)) : "  - ")
                            .collect(Collectors.joining(" ")),
                    d.weeksToHalf() == null ? "never" : d.weeksToHalf().toString(), 100 * d.selfMadeShare(),
                    d.persistence().distinctCells(), 100 * d.persistence().meanTurnover());
        }
    }
}
