package io.crimecast.cli;

import io.crimecast.app.Bench;
import io.crimecast.app.BenchReport;
import io.crimecast.grid.RegionSpec;
import io.crimecast.grid.Regions;
import io.crimecast.replay.IncidentFileReader.TimedIncident;
import io.crimecast.topics.JsonSerde;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the whole topology on a local broker (broker, app and benchmark in this JVM): publish the files'"
                + " incidents for each region, read them back with a plain consumer that only deserialises (the ceiling), time the"
                + " streaming app until it has handled every one, then trigger every region's midnight at once and time until all"
                + " next-day hotspots are committed. Prints a Markdown table: rates, day-close latency, what each close wrote,"
                + " memory and state on disk; --out DIR also writes them to DIR/bench.json.",
                "With --soak-days N instead: publish the first N days one at a time into the running app and print, after each,"
                        + " resident memory, heap after GC, state on disk and open files."})
final class BenchCommand implements Callable<Integer> {
    /** --quick replays this many days: every figure, in well under two minutes. */
    static final int QUICK_DAYS = 14;

    @Mixin
    RegionFiles input;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N", description = "Stream threads (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--instances", defaultValue = "1", paramLabel = "N",
            description = "Run N instances of the app in this process (one application id, a state directory each); with 2 or more,"
                    + " one is stopped after the midnight and the next midnight is timed as the failover (default ${DEFAULT-VALUE})")
    int instances;

    @Option(names = "--quick", description = "A smoke check: only the first " + QUICK_DAYS + " days of the files")
    boolean quick;

    @Option(names = "--days", paramLabel = "N", description = "Only the first N local days of the files (default all)")
    Integer days;

    @Option(names = "--cell-size", paramLabel = "METRES",
            description = "Grid the region with cells of this size instead of its file's cellSizeMeters (grid size runs)")
    Double cellSize;

    @Option(names = "--regions", defaultValue = "1", paramLabel = "N",
            description = "Serve N copies of the region (named R-1 to R-N), each given every incident (default ${DEFAULT-VALUE})")
    int regions;

    @Option(names = "--model-bundle", paramLabel = "FILE",
            description = "A model bundle (as train publishes it or --bundle-out writes it) to publish to model-weights before the app"
                    + " starts, so the region's layer is served by it instead of the baseline; its grid must be the region's (not with"
                    + " --regions or --cell-size); repeat it for several layers or kinds")
    List<Path> modelBundles = List.of();

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the figures to DIR/bench.json")
    Path out;

    @Option(names = "--soak-days", defaultValue = "0", paramLabel = "N",
            description = "Soak instead: the first N days, one day at a time, with the process's footprint after each (default off)")
    int soakDays;

    @Override
    public Integer call() throws Exception {
        if (regions < 1 || threads < 1 || instances < 1 || (days != null && days < 1)) {
            throw new IllegalArgumentException("--regions, --threads, --instances and --days must be at least 1");
        }
        if (!modelBundles.isEmpty() && (regions > 1 || cellSize != null)) {
            throw new IllegalArgumentException("--model-bundle serves the region as its file grids it: not with --regions or --cell-size");
        }
        RegionSpec spec = Regions.load(input.region);
        List<TimedIncident> incidents = firstDays(spec, input.files.reader(spec).read(input.paths).incidents(), quick ? Integer.valueOf(QUICK_DAYS) : days);
        if (incidents.isEmpty()) {
            throw new IllegalArgumentException("no usable incidents in the files (run `crimecast check` on them)");
        }
        BenchReport report = new Bench(new Bench.Settings(input.region, threads, instances, cellSize, regions, modelBundles, soakDays), Progress.toTerminal())
                .run(spec, incidents);
        if (report != null) {
            System.out.println();
            System.out.print(report.markdown());
            if (out != null) {
                Files.createDirectories(out);
                JsonSerde.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out.resolve("bench.json").toFile(), report);
                System.out.println("wrote " + out.resolve("bench.json"));
            }
        }
        return 0;
    }

    /** The incidents of the first {@code days} local days (all when null). */
    private static List<TimedIncident> firstDays(RegionSpec spec, List<TimedIncident> incidents, Integer days) {
        if (days == null || incidents.isEmpty()) {
            return incidents;
        }
        LocalDate end = localDate(spec, incidents.get(0).at()).plusDays(days);
        return incidents.stream().filter(t -> localDate(spec, t.at()).isBefore(end)).toList();
    }

    private static LocalDate localDate(RegionSpec spec, Instant at) {
        return at.atZone(spec.timeZone()).toLocalDate();
    }
}
