package io.crimecast.cli;

import io.crimecast.grid.Cell;
import io.crimecast.grid.Grid;
import io.crimecast.grid.RegionSpec;
import io.crimecast.grid.Regions;
import io.crimecast.incident.Incident;
import io.crimecast.replay.IncidentFileReader;
import io.crimecast.replay.IncidentFileReader.ReadResult;
import io.crimecast.replay.IncidentFileReader.TimedIncident;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a region file and incident files before a replay, without a broker: the grid, the rows read and"
                + " where they fall, each skip reason with sample rows, the time range, and warnings for swapped days and"
                + " months or failing times. Exit code 1 when most rows cannot be used.")
final class CheckCommand implements Callable<Integer> {
    /** Below this many usable rows, "every day is 12 or less" says nothing. */
    private static final int MIN_ROWS_FOR_DAY_ORDER = 10;

    @Mixin
    RegionFiles input;

    @Override
    public Integer call() {
        RegionSpec spec = Regions.load(input.region);
        Grid grid = new Grid(spec);
        System.out.printf("grid %s: %,d cells of %.4g km2; box in lon/lat %s%n", grid, grid.cellCount(),
                spec.cellSizeMeters() * spec.cellSizeMeters() / 1e6, grid.boxInLonLat());
        ReadResult read;
        try {
            read = input.files.reader(spec).read(input.paths);
        } catch (IllegalArgumentException e) {
            System.out.println("problem: " + e.getMessage());
            return 1;
        }
        List<TimedIncident> outside = read.incidents().stream().filter(t -> cellOf(grid, t.incident()).isEmpty()).toList();
        long inside = read.incidents().size() - outside.size();
        System.out.printf("rows: %,d read from %d file(s); %,d usable, %,d of them inside the box (%.0f%% of the rows)%n",
                read.rowsRead(), input.paths.size(), read.incidents().size(), inside, 100.0 * inside / Math.max(1, read.rowsRead()));
        if (read.skippedTotal() > 0) {
            System.out.printf("skipped %,d row(s):%n", read.skippedTotal());
            SkipSummary.lines(read).forEach(System.out::println);
        }
        if (!outside.isEmpty()) {
            System.out.printf("outside the box: %,d row(s), e.g.%n", outside.size());
            outside.stream().limit(3).forEach(t -> System.out.println("    " + describe(t.incident())));
        }
        if (!read.incidents().isEmpty()) {
            System.out.printf("times: %s .. %s (%s)%n", read.incidents().get(0).at().atZone(spec.timeZone()).toLocalDateTime(),
                    read.incidents().get(read.incidents().size() - 1).at().atZone(spec.timeZone()).toLocalDateTime(), spec.timeZone());
        }
        timeWarnings(read, spec).forEach(w -> System.out.println("warning: " + w));
        if (inside * 2 <= read.rowsRead()) {
            System.out.printf("most rows cannot be used: %,d of %,d are usable and inside the box%n", inside, read.rowsRead());
            return 1;
        }
        return 0;
    }

    private static Optional<Cell> cellOf(Grid grid, Incident incident) {
        return incident.lat() != null ? grid.locateLatLon(incident.lat(), incident.lon()) : grid.locateXY(incident.x(), incident.y());
    }

    private static String describe(Incident incident) {
        return incident.lat() != null ? "%s: lon %s, lat %s".formatted(incident.id(), incident.lon(), incident.lat())
                : "%s: x %s, y %s".formatted(incident.id(), incident.x(), incident.y());
    }

    /** Day and month swapped by the pattern, or times that mostly fail to parse. */
    private List<String> timeWarnings(ReadResult read, RegionSpec spec) {
        String pattern = input.files.mapping().timePattern();
        long badTimes = read.skipped().getOrDefault("bad-time", 0L);
        List<IncidentFileReader.SkippedRow> badSamples = read.samples().getOrDefault("bad-time", List.of());
        String swapped = pattern == null ? null : swapDayAndMonth(pattern);
        boolean samplesParseSwapped = swapped != null && !badSamples.isEmpty() && badSamples.stream().allMatch(s -> parses(swapped, s.value()));
        boolean allDaysAtMost12 = read.incidents().size() >= MIN_ROWS_FOR_DAY_ORDER
                && read.incidents().stream().allMatch(t -> t.at().atZone(spec.timeZone()).getDayOfMonth() <= 12);
        List<String> warnings = new ArrayList<>();
        if (samplesParseSwapped) {
            warnings.add("day and month look swapped: times such as '%s' fail with --time-pattern '%s' but parse with '%s'"
                    .formatted(badSamples.get(0).value(), pattern, swapped));
        } else if (allDaysAtMost12) {
            warnings.add("every date has a day of the month of 12 or less: day and month may be swapped (check --time-pattern)");
        }
        if (badTimes * 2 > read.rowsRead()) {
            warnings.add("most times fail to parse (%,d of %,d rows) with %s".formatted(badTimes, read.rowsRead(),
                    pattern == null ? "ISO-8601 (no --time-pattern given)" : "--time-pattern '" + pattern + "'"));
        }
        return warnings;
    }

    /** The pattern with its day-of-month and month letters exchanged: dd/MM/yyyy becomes MM/dd/yyyy. */
    private static String swapDayAndMonth(String pattern) {
        if (pattern.indexOf('d') < 0 || pattern.indexOf('M') < 0) {
            return null;
        }
        return pattern.replace('d', '\0').replace('M', 'd').replace('\0', 'M');
    }

    private static boolean parses(String pattern, String value) {
        try {
            IncidentFileReader.timeFormat(pattern).parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
