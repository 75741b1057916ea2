package io.crimecast.app;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What one {@code bench} run measured, as written to {@code DIR/bench.json} and printed as a Markdown table. Rates are
 * events per second; latencies seconds; sizes bytes. Day-close figures are the slowest region's.
 *
 * @param date             when the run started (UTC, ISO-8601)
 * @param machine          cores, maximum heap, load average (1 minute) at the start and the end: other work on the
 *                         machine slows every figure
 * @param setup            what was replayed: the region, copies of it, the model versions serving at the end, cells,
 *                         layers, instances and stream threads of each, days, incidents per copy
 * @param producerRate     publishing every incident (acks=all, lz4), before the app starts
 * @param ceiling          a plain consumer reading the same topic and only deserialising each value: events/s and
 *                         CPU microseconds per event
 * @param topology         the whole topology (exactly-once), from the first incident handled to the last; CPU time
 *                         of the stream threads and their producers per event
 * @param topologyToCeiling the two rates' ratio
 * @param daysClosed       day closes of every region
 * @param dayCloses        the daily closes (next day only), and the slowest region's latency (trigger to last forecast forwarded)
 * @param weeklyCloses     the same for the Sunday closes, which also forecast the longer periods (the per-cell network's work)
 * @param midnightSeconds  from publishing one incident per region just past the last day's end plus grace (every
 *                         region's midnight at once) until a read_committed consumer has every region's and layer's
 *                         next-day hotspots record for that day
 * @param failover         with several instances: the next midnight timed the same way, then one instance stopped and
 *                         the midnight after, whose time holds the others' rebalance and restore of its state (absent
 *                         with one instance)
 * @param perClose         what the closes wrote, divided by the days closed (changelogs: counting and closing together)
 * @param footprint        after the run: resident memory (broker in the same process), heap after GC, state on disk
 */
public record BenchReport(String date, Machine machine, Setup setup, double producerRate, Rate ceiling, Rate topology,
                   double topologyToCeiling, long daysClosed, DayCloses dayCloses, DayCloses weeklyCloses, double midnightSeconds,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Failover failover, List<Volume> perClose, Footprint footprint) {

    /**
     * Events per second, and CPU time per event: on a machine shared with other work the CPU time moves less than the
     * rate, so before/after comparisons read it.
     */
    record Rate(double eventsPerSecond, double cpuMicrosPerEvent) {
    }

    record Machine(int cores, long maxHeapBytes, double loadAtStart, double loadAtEnd) {
    }

    record Setup(String region, int regions, String models, int cells, double cellSizeMeters, int layers, int instances, int streamThreads, long days,
                 long incidentsPerRegion, long events) {
    }

    /** Two daily midnights, to committed output: with every instance, then right after one was stopped. */
    record Failover(double beforeSeconds, double afterStopSeconds) {
    }

    record DayCloses(long count, double medianSeconds, double p99Seconds, double maxSeconds) {
    }

    /** Records (offsets, including transaction markers) and bytes a topic gained per day closed. */
    record Volume(String topic, long records, long bytes) {
    }

    record Footprint(long rssBytes, long heapAfterGcBytes, long stateBytes) {
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| figure | value |\n|---|---|\n");
        row(md, "date", date);
        row(md, "machine", "%d cores, max heap %d MB, load %.1f at start, %.1f at end".formatted(machine.cores(), machine.maxHeapBytes() >> 20,
                machine.loadAtStart(), machine.loadAtEnd()));
        row(md, "region", "%s x %d: %,d cells of %.0f m, %d layer(s), %d instance(s) of %d stream thread(s), served by %s".formatted(setup.region(),
                setup.regions(), setup.cells(), setup.cellSizeMeters(), setup.layers(), setup.instances(), setup.streamThreads(), setup.models()));
        row(md, "replayed", "%d days, %,d incidents per region, %,d events".formatted(setup.days(), setup.incidentsPerRegion(), setup.events()));
        row(md, "producer", "%,.0f events/s".formatted(producerRate));
        row(md, "ceiling (plain consumer, deserialise only)", "%,.0f events/s, %.1f us CPU each".formatted(ceiling.eventsPerSecond(),
                ceiling.cpuMicrosPerEvent()));
        row(md, "topology (exactly-once)", "%,.0f events/s, %.1f us CPU each; %.2f of the ceiling's rate".formatted(topology.eventsPerSecond(),
                topology.cpuMicrosPerEvent(), topologyToCeiling));
        row(md, "day closes", "%d; daily %d, slowest region median %.3f s, p99 %.3f s, max %.3f s".formatted(daysClosed, dayCloses.count(),
                dayCloses.medianSeconds(), dayCloses.p99Seconds(), dayCloses.maxSeconds()));
        row(md, "weekly closes (Sundays, also the longer periods)", "%d, slowest region median %.3f s, p99 %.3f s, max %.3f s".formatted(
                weeklyCloses.count(), weeklyCloses.medianSeconds(), weeklyCloses.p99Seconds(), weeklyCloses.maxSeconds()));
        row(md, "midnight: every region's next-day hotspots committed", "%.2f s".formatted(midnightSeconds));
        if (failover != null) {
            row(md, "next midnights: all instances, then right after stopping one", "%.2f s, %.2f s".formatted(failover.beforeSeconds(),
                    failover.afterStopSeconds()));
        }
        for (Volume v : perClose) {
            row(md, v.topic() + " per day closed", "%,d records, %,d bytes".formatted(v.records(), v.bytes()));
        }
        row(md, "footprint", "RSS %d MB, heap after GC %d MB, state on disk %.1f MB".formatted(footprint.rssBytes() >> 20,
                footprint.heapAfterGcBytes() >> 20, footprint.stateBytes() / 1048576.0));
        return md.toString();
    }

    private static void row(StringBuilder md, String figure, String value) {
        md.append("| ").append(figure).append(" | ").append(value).append(" |\n");
    }
}
