package io.crimecast.cli;

import io.crimecast.eval.FlaggedAreaScore;
import io.crimecast.forecast.Candidate;
import io.crimecast.forecast.CandidateScore;
import io.crimecast.forecast.Candidates;
import io.crimecast.forecast.FlagBudget;
import io.crimecast.forecast.Forecasting;
import io.crimecast.forecast.GeoJsonMap;
import io.crimecast.forecast.HotspotMap;
import io.crimecast.forecast.IncidentSplit;
import io.crimecast.forecast.Validation;
import io.crimecast.grid.Area;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.replay.IncidentFileReader.TimedIncident;
import io.crimecast.train.CountMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Offline hotspot maps from incident files: for each horizon, the expected count per cell over the period"
                + " from --start and the best cells within the flagged-area budget, as DIR/forecast-7d.geojson etc. (one per horizon). Only incidents"
                + " before --start are used; the model is the best naive map on the previous same-length periods unless --model.")
final class ForecastCommand implements Callable<Integer> {
    private static final int TOP_PRINTED = 10;

    @Mixin
    RegionFiles input;

    @Mixin
    CategoryOption category;

    @Option(names = "--start", required = true, paramLabel = "YYYY-MM-DD", description = "First day forecast (local date)")
    LocalDate start;

    @Option(names = "--days", split = ",", defaultValue = "7,14,31,61,92", paramLabel = "N",
            description = "Horizons in days (default ${DEFAULT-VALUE})")
    List<Integer> horizons;

    @Option(names = "--flag-area", defaultValue = "0.25 sq mi", paramLabel = "AREA",
            description = "Flagged-area budget: the best whole cells that fit, e.g. 0.25sqmi, 1km2, 160acres (default ${DEFAULT-VALUE})")
    String flagArea;

    @Option(names = "--study-area", paramLabel = "AREA",
            description = "The study area PAI divides by, e.g. 147.71sqmi (default: the area of the region's study-area cells)")
    String studyArea;

    @Option(names = "--model", paramLabel = "M", description = "Use this model for every horizon instead of choosing by validation: a naive map, or cell-mlp"
                    + " (the per-cell network, trained on the days before --start; never among the validated maps)")
    String model;

    @Option(names = "--score", description = "Score each map against the files' incidents in its period (PAI, PEI*)")
    boolean score;

    @Option(names = "--out", defaultValue = "forecast", paramLabel = "DIR", description = "Output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        Candidate forced = model == null ? null : Candidates.byName(model);
        if (horizons.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("--days must be positive numbers of days, were " + horizons);
        }
        Grid grid = new Grid(Regions.load(input.region));
        FlagBudget budget = FlagBudget.of(grid, flagArea, studyArea == null ? null : Area.parse(studyArea));
        List<TimedIncident> incidents = IncidentSplit.ofCategories(input.files.reader(grid.spec()).read(input.paths).incidents(), category.categories);
        CountMatrix history = IncidentSplit.before(grid, incidents, start); // all the forecasts see; scoring alone reads later days
        Forecasting forecasting = new Forecasting(history, budget);
        List<String> layer = category.categories.isEmpty() ? List.of("all") : category.categories;
        System.out.printf("%s, %s: %,d incidents in the grid %s..%s; flag budget %s = %d cells of %s; study area %s%n", grid,
                String.join(", ", layer), Arrays.stream(history.counts()).flatMapToInt(Arrays::stream).sum(), history.firstDay(),
                history.lastDay(), flagArea, budget.cells(), grid.cellArea(), budget.studyArea());
        createDirectories(out);
        for (int horizon : horizons.stream().distinct().toList()) {
            Candidate candidate = forced;
            System.out.printf("%n%d days, %s..%s%n", horizon, start, start.plusDays(horizon - 1L));
            if (candidate == null) {
                Validation validation = forecasting.validate(Candidates.STANDARD, start, horizon);
                printValidation(validation);
                candidate = Candidates.byName(validation.chosen());
            }
            HotspotMap map = forecasting.forecast(candidate, start, horizon);
            printMap(grid, budget, map);
            if (score) {
                printScore(grid, forecasting, map, incidents);
            }
            Path file = out.resolve("forecast-" + horizon + "d.geojson");
            GeoJsonMap.write(file, grid, layer, map);
            System.out.println("  wrote " + file);
        }
        return 0;
    }

    private static void printValidation(Validation v) {
        System.out.printf("  validation PAI on the %d-day periods from %s (mean first):%n", v.horizonDays(),
                v.windowStarts().stream().map(LocalDate::toString).collect(Collectors.joining(", ")));
        for (CandidateScore s : v.scores()) {
            System.out.printf("    %-14s %7.2f  [%s]%s%n", s.model(), s.meanPai(),
                    Arrays.stream(s.windowPai()).mapToObj("%.2f"::formatted).collect(Collectors.joining(", ")),
                    s.model().equals(v.chosen()) ? "  <- chosen" : "");
        }
    }

    private static void printMap(Grid grid, FlagBudget budget, HotspotMap map) {
        System.out.printf("  model %s; flagged %d cells, %s%n", map.model(), map.flagged().length,
                map.flagged().length == 0 ? "none" : budget.flaggedArea(map.flagged().length));
        System.out.println("    rank   cell  expected  centre (lat, lon)");
        for (int i = 0; i < Math.min(TOP_PRINTED, map.flagged().length); i++) {
            int cell = map.flagged()[i];
            double[] latLon = grid.centreLatLon(cell);
            System.out.printf("    %4d %6d  %8.2f  %.6f, %.6f%n", i + 1, cell, map.expected()[cell], latLon[0], latLon[1]);
        }
    }

    private void printScore(Grid grid, Forecasting forecasting, HotspotMap map, List<TimedIncident> incidents) {
        LocalDate dataEnd = IncidentSplit.lastDay(grid, incidents);
        if (dataEnd.isBefore(map.periodEnd())) {
            System.out.printf("  not scored: the data ends %s, before the period does%n", dataEnd);
            return;
        }
        FlaggedAreaScore s = forecasting.score(map, IncidentSplit.actual(grid, incidents, map.periodStart(), map.horizonDays()));
        System.out.printf("  scored: %.0f of %.0f incidents in the flagged cells (best possible %.0f): PAI %.2f, PEI* %.3f%n",
                s.hits(), s.incidents(), s.bestHits(), s.pai(), s.pei());
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
