package io.crimecast.stream;

import io.crimecast.topics.Output;
import io.crimecast.grid.Cell;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Layer;
import io.crimecast.model.TrailingRate;
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

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Counts incidents per (region, layer, local day, cell) and closes days: when a region's time passes a day's end plus
 * the grace period, it writes each layer's cell counts, the next day's forecast and its ranked hotspots, and on
 * Sundays the forecasts of the longer horizons from Monday on (a weekly plan; recomputing them daily would write
 * horizons x cells records every night for a map that barely moves).
 * Duplicates and incidents for days past the retention horizon are rejected; late ones within it correct a closed
 * day. All progress lives in state stores, so under exactly-once a day closes once, also across restarts.
 */
final class DailyCountProcessor implements Processor<String, AcceptedIncident, String, Output> {
    static final String DAY_COUNTS = "day-counts";
    static final String REGION_CLOCKS = "region-clocks";
    static final String SEEN_INCIDENTS = "seen-incidents";
    /** Long horizons read this much history: at fine grids a year ranks better than the last month. */
    static final TrailingRate LONG_HORIZONS = new TrailingRate(365);
    static final int MAX_DAYS_PER_CALL = 366;
    static final int FORGET_EVERY_DAYS = 7;

    private final Map<String, Grid> grids;
    private final ForecasterFactory forecasterFactory;
    private ForecasterSource forecasters;
    private final CrimecastMetrics metrics;
    private final Duration wallClockInterval;
    private ProcessorContext<String, Output> context;
    private DayStore days;
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
        days = new DayStore(context.getStateStore(DAY_COUNTS));
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
        List<Layer> layers = Layer.matching(grid.spec().layers(), incident.category());
        List<int[]> counts = new ArrayList<>();
        for (Layer layer : layers) {
            int[] c = days.counts(grid, layer, date);
            c[incident.cell()]++; // before any store is written, so a bad cell id leaves no trace
            counts.add(c);
        }
        seen.put(seenKey, date.toEpochDay());
        for (int i = 0; i < layers.size(); i++) {
            days.put(grid, layers.get(i), date, counts.get(i));
        }
        metrics.accepted(grid.region());
        if (late) {
            metrics.late(grid.region());
            Cell cell = grid.cell(incident.cell());
            for (int i = 0; i < layers.size(); i++) {
                String layer = layers.get(i).name();
                context.forward(new Record<>(countKey(grid.region(), layer, cell.id(), date),
                        new Output.CellDayCount(grid.region(), layer, cell.id(), cell.row(), cell.col(), date, counts.get(i)[cell.id()], true),
                        record.timestamp()));
            }
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
        long now = context.currentSystemTimeMs();
        Instant generatedAt = Instant.ofEpochMilli(now);
        for (Layer layer : grid.spec().layers()) {
            int[] counts = days.counts(grid, layer, day);
            boolean dense = grid.cellCount() <= ForecastRecords.DENSE_CELLS;
            for (int c = 0; c < counts.length; c++) {
                if (dense || counts[c] > 0) { // a street-level grid is mostly zeros: a missing cell-day counted none
                    Cell cell = grid.cell(c);
                    context.forward(new Record<>(countKey(region, layer.name(), c, day),
                            new Output.CellDayCount(region, layer.name(), c, cell.row(), cell.col(), day, counts[c], false), dayEnd));
                }
            }
            Forecaster forecaster = forecasters.current(grid, layer);
            Forecast next = forecaster.forecast(grid, days.history(grid, layer, firstDay, day, forecaster.historyDays()));
            forward(grid, layer, 1, next, true, generatedAt, now);
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                DayHistory year = days.history(grid, layer, firstDay, day, LONG_HORIZONS.lookbackDays());
                for (int horizon : grid.spec().horizons()) {
                    forward(grid, layer, horizon, LONG_HORIZONS.forecast(grid, year, horizon), false, generatedAt, now);
                }
            }
            days.pruneAfterClosing(grid, layer, day);
        }
        // Forgetting scans the region's ids, so it runs weekly; an id kept a few days longer is still refused
        // (as a duplicate rather than too late).
        if (day.toEpochDay() % FORGET_EVERY_DAYS == 0) {
            forgetSeenBefore(region, horizon(grid, day).toEpochDay());
        }
    }

    private void forward(Grid grid, Layer layer, int horizonDays, Forecast forecast, boolean daily, Instant generatedAt, long now) {
        for (Output.CellForecast f : ForecastRecords.cells(grid, layer, horizonDays, forecast, daily, generatedAt)) {
            context.forward(new Record<>(forecastKey(grid.region(), layer.name(), horizonDays) + '/' + f.cell(), f, now));
        }
        context.forward(new Record<>(forecastKey(grid.region(), layer.name(), horizonDays),
                ForecastRecords.hotspots(grid, layer, horizonDays, forecast, generatedAt), now));
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

    /** The oldest day that still takes late incidents once {@code closedThrough} has closed. */
    private static LocalDate horizon(Grid grid, LocalDate closedThrough) {
        return closedThrough.minusDays(grid.spec().retention().toDays());
    }

    static String countKey(String region, String layer, int cell, LocalDate date) {
        return region + '/' + layer + '/' + cell + '/' + date;
    }

    /** The key of a layer's hotspots for a horizon; a cell's forecast adds /cell. */
    static String forecastKey(String region, String layer, int horizonDays) {
        return region + '/' + layer + '/' + horizonDays + 'd';
    }
}
