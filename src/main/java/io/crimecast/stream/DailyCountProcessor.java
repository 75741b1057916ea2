package io.crimecast.stream;

import io.crimecast.grid.Cell;
import io.crimecast.grid.Grid;
import io.crimecast.incident.AcceptedIncident;
import io.crimecast.incident.RejectReason;
import io.crimecast.incident.Rejection;
import io.crimecast.model.DayHistory;
import io.crimecast.model.Forecast;
import io.crimecast.model.Forecaster;
import io.crimecast.model.ForecasterSource;
import io.crimecast.ops.CrimecastMetrics;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Counts incidents per (region, local day, cell) and closes days: when a region's time passes a day's end plus the
 * grace period, it writes every cell's count, the next day's forecast for every cell and the ranked hotspots.
 * Duplicates and incidents for days past the retention horizon are rejected; late ones within it correct a closed
 * day. All progress lives in state stores, so under exactly-once a day closes once, also across restarts.
 */
final class DailyCountProcessor implements Processor<String, AcceptedIncident, String, Output> {
    static final String DAY_COUNTS = "day-counts";
    static final String REGION_CLOCKS = "region-clocks";
    static final String SEEN_INCIDENTS = "seen-incidents";
    /** Closed days kept for forecasting (a 30-day-step hotspot model reads 180), beyond the retention horizon. */
    static final int MIN_HISTORY_DAYS = 400;
    static final int MAX_DAYS_PER_CALL = 366;
    static final int FORGET_EVERY_DAYS = 7;

    private final Map<String, Grid> grids;
    private final ForecasterFactory forecasterFactory;
    private ForecasterSource forecasters;
    private final CrimecastMetrics metrics;
    private final Duration wallClockInterval;
    private ProcessorContext<String, Output> context;
    private KeyValueStore<String, int[]> dayCounts;
    private KeyValueStore<String, RegionClock> clocks;
    private KeyValueStore<String, Long> seen;

    DailyCountProcessor(Map<String, Grid> grids, ForecasterFactory forecasterFactory, CrimecastMetrics metrics,
                        Duration wallClockInterval) {
        this.grids = grids;
        this.forecasterFactory = forecasterFactory;
        this.metrics = metrics;
        this.wallClockInterval = wallClockInterval;
    }

    @Override
    public void init(ProcessorContext<String, Output> context) {
        this.context = context;
        dayCounts = context.getStateStore(DAY_COUNTS);
        clocks = context.getStateStore(REGION_CLOCKS);
        seen = context.getStateStore(SEEN_INCIDENTS);
        forecasters = forecasterFactory.create(context.getStateStore(ModelStoreUpdater.MODEL_STORE));
        context.schedule(wallClockInterval, PunctuationType.WALL_CLOCK_TIME, this::closeQuietDays);
    }

    /**
     * A count that throws rejects its incident as {@code internal-error}: one record must never stop the app. Counting
     * writes its stores only once nothing can fail; a day close it triggers that throws leaves the incident counted.
     */
    @Override
    public void process(Record<String, AcceptedIncident> record) {
        try {
            count(record);
        } catch (RuntimeException e) {
            AcceptedIncident incident = record.value();
            reject(record, Rejection.internalError(incident == null ? null : incident.id(),
                    incident == null ? null : incident.original(), Rejection.Stage.COUNT, e));
        }
    }

    private void count(Record<String, AcceptedIncident> record) {
        AcceptedIncident incident = record.value();
        Grid grid = grids.get(incident.region());
        if (grid == null) { // e.g. instances of one application serving different region lists
            reject(record, incident, RejectReason.UNKNOWN_REGION, "region '" + incident.region() + "' is not served by this instance");
            return;
        }
        long now = context.currentSystemTimeMs();
        RegionClock clock = clocks.get(grid.region());
        if (clock == null) {
            clock = new RegionClock(incident.localDate(), incident.localDate().minusDays(1), incident.occurredAtMillis(), now);
        }
        String seenKey = grid.region() + '|' + incident.id();
        if (seen.get(seenKey) != null) {
            reject(record, incident, RejectReason.DUPLICATE, "incident id already counted within the retention horizon");
            return;
        }
        LocalDate date = incident.localDate();
        boolean late = !date.isAfter(clock.closedThrough());
        // Date-based, like the pruning of counts and ids in closeDay, so a day is refused before its state is gone.
        if (date.isBefore(horizon(grid, clock.closedThrough())) || date.isBefore(clock.firstDay())) {
            reject(record, incident, RejectReason.TOO_LATE, date.isBefore(clock.firstDay())
                    ? "day " + date + " is before the region's first day " + clock.firstDay()
                    : "day " + date + " closed and is past the retention horizon of " + grid.spec().retention());
            return;
        }
        int[] counts = countsOf(grid, date);
        counts[incident.cell()]++; // before any store is written, so a bad cell id leaves no trace
        seen.put(seenKey, date.toEpochDay());
        dayCounts.put(dayKey(grid.region(), date), counts);
        metrics.accepted(grid.region());
        if (late) {
            metrics.late(grid.region());
            Cell cell = grid.cell(incident.cell());
            context.forward(new Record<>(countKey(grid.region(), cell.id(), date),
                    new Output.CellDayCount(grid.region(), cell.id(), cell.row(), cell.col(), date, counts[cell.id()], true),
                    record.timestamp()));
        }
        clock = clock.advancedTo(incident.occurredAtMillis(), now);
        clocks.put(grid.region(), clock);
        closeDueDays(grid, clock, clock.eventMillis(), "stream-time");
    }

    /** Wall-clock fallback: a live region whose input went quiet still closes its days. */
    private void closeQuietDays(long now) {
        List<KeyValue<String, RegionClock>> all = new ArrayList<>();
        try (KeyValueIterator<String, RegionClock> it = clocks.all()) {
            it.forEachRemaining(all::add);
        }
        for (KeyValue<String, RegionClock> entry : all) {
            Grid grid = grids.get(entry.key);
            if (grid != null) {
                long liveLag = Duration.ofDays(1).plus(grid.spec().grace()).toMillis();
                closeDueDays(grid, entry.value, entry.value.effectiveMillis(now, liveLag), "wall-clock");
            }
        }
    }

    /**
     * Closes the days that are due, at most {@link #MAX_DAYS_PER_CALL} at a time so that a jump in time cannot outlast
     * the transaction; the next incident or punctuation closes the rest.
     */
    private void closeDueDays(Grid grid, RegionClock clock, long timeMillis, String trigger) {
        RegionClock current = clock;
        LocalDate next = current.closedThrough().plusDays(1);
        int closed = 0;
        while (closed++ < MAX_DAYS_PER_CALL && !DayCalendar.closesAt(grid.spec(), next).isAfter(Instant.ofEpochMilli(timeMillis))) {
            long started = System.nanoTime();
            closeDay(grid, current.firstDay(), next);
            current = current.closed(next);
            clocks.put(grid.region(), current);
            metrics.dayClosed(grid.region(), trigger, Duration.ofNanos(System.nanoTime() - started), grid.cellCount());
            next = next.plusDays(1);
        }
    }

    private void closeDay(Grid grid, LocalDate firstDay, LocalDate day) {
        String region = grid.region();
        long dayEnd = DayCalendar.endOf(grid.spec(), day).toEpochMilli();
        int[] counts = countsOf(grid, day);
        for (int c = 0; c < counts.length; c++) {
            Cell cell = grid.cell(c);
            context.forward(new Record<>(countKey(region, c, day),
                    new Output.CellDayCount(region, c, cell.row(), cell.col(), day, counts[c], false), dayEnd));
        }

        Forecaster forecaster = forecasters.current(grid);
        Forecast forecast = forecaster.forecast(grid, history(grid, firstDay, day, forecaster.historyDays()));
        long now = context.currentSystemTimeMs();
        Instant generatedAt = Instant.ofEpochMilli(now);
        for (int c = 0; c < counts.length; c++) {
            Cell cell = grid.cell(c);
            context.forward(new Record<>(region + '/' + c,
                    new Output.CellForecast(region, c, cell.row(), cell.col(), forecast.date(), forecast.expected()[c],
                            forecast.bin()[c], forecast.hotspotProbability()[c], forecast.hotspot()[c],
                            forecast.modelVersion(), generatedAt), now));
        }
        context.forward(new Record<>(region, hotspots(grid, forecast, generatedAt), now));

        dayCounts.delete(dayKey(region, day.minusDays(keptDays(grid))));
        // Forgetting scans the region's ids, so it runs weekly; an id kept a few days longer is still refused
        // (as a duplicate rather than too late).
        if (day.toEpochDay() % FORGET_EVERY_DAYS == 0) {
            forgetSeenBefore(region, horizon(grid, day).toEpochDay());
        }
    }

    /** The flagged cells, best first: by hotspot probability, then expected count, then cell id. */
    private static Output.Hotspots hotspots(Grid grid, Forecast forecast, Instant generatedAt) {
        List<Integer> flagged = IntStream.range(0, forecast.hotspot().length).filter(c -> forecast.hotspot()[c]).boxed()
                .sorted(Comparator.<Integer>comparingDouble(c -> -forecast.hotspotProbability()[c])
                        .thenComparingDouble(c -> -forecast.expected()[c]).thenComparingInt(c -> c))
                .toList();
        List<Output.RankedCell> ranked = new ArrayList<>();
        for (int c : flagged) {
            Cell cell = grid.cell(c);
            ranked.add(new Output.RankedCell(ranked.size() + 1, c, cell.row(), cell.col(), forecast.expected()[c],
                    forecast.hotspotProbability()[c]));
        }
        return new Output.Hotspots(grid.region(), forecast.date(), grid.spec().hotspot().toString(),
                forecast.modelVersion(), generatedAt, ranked);
    }

    private DayHistory history(Grid grid, LocalDate firstDay, LocalDate lastDay, int wanted) {
        LocalDate from = lastDay.minusDays(Math.min(wanted, keptDays(grid)) - 1L);
        if (from.isBefore(firstDay)) {
            from = firstDay;
        }
        int n = (int) (lastDay.toEpochDay() - from.toEpochDay() + 1);
        int[][] days = new int[Math.max(n, 0)][];
        for (int i = 0; i < days.length; i++) {
            days[i] = countsOf(grid, from.plusDays(i));
        }
        return new DayHistory(lastDay, days);
    }

    private void forgetSeenBefore(String region, long epochDay) {
        String prefix = region + '|';
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = seen.prefixScan(prefix, org.apache.kafka.common.serialization.Serdes.String().serializer())) {
            it.forEachRemaining(kv -> {
                if (kv.value < epochDay) {
                    expired.add(kv.key);
                }
            });
        }
        expired.forEach(seen::delete);
    }

    private void reject(Record<String, AcceptedIncident> record, AcceptedIncident incident, RejectReason reason, String detail) {
        reject(record, new Rejection(incident.id(), incident.original(), reason, Rejection.Stage.COUNT, detail));
    }

    private void reject(Record<String, AcceptedIncident> record, Rejection rejection) {
        metrics.rejected(rejection);
        context.forward(new Record<String, Output>(rejection.incidentId(), new Output.Rejected(rejection), record.timestamp(),
                Rejections.describe(new RecordHeaders(record.headers().toArray()), rejection)));
    }

    private int[] countsOf(Grid grid, LocalDate date) {
        int[] counts = dayCounts.get(dayKey(grid.region(), date));
        return counts != null ? counts : new int[grid.cellCount()];
    }

    /** The oldest day that still takes late incidents once {@code closedThrough} has closed. */
    private static LocalDate horizon(Grid grid, LocalDate closedThrough) {
        return closedThrough.minusDays(grid.spec().retention().toDays());
    }

    private static int keptDays(Grid grid) {
        return (int) Math.max(MIN_HISTORY_DAYS, grid.spec().retention().toDays() + 2);
    }

    static String dayKey(String region, LocalDate date) {
        return region + '|' + date;
    }

    static String countKey(String region, int cell, LocalDate date) {
        return region + '/' + cell + '/' + date;
    }
}
