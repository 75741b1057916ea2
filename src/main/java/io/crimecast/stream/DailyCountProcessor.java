package io.crimecast.stream;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Layer;
import io.crimecast.incident.AcceptedIncident;
import io.crimecast.incident.Rejection;
import io.crimecast.model.DayHistory;
import io.crimecast.model.Forecast;
import io.crimecast.model.Forecaster;
import io.crimecast.model.ForecasterSource;
import io.crimecast.model.PeriodForecaster;
import io.crimecast.ops.CrimecastMetrics;
import io.crimecast.topics.Output;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts incidents per (region, layer, local day, cell) and publishes each region's forecasts as its time moves on.
 * When a day ends (local midnight) the next day's forecast goes out provisional, from the counts so far; when the day
 * closes (its end plus the grace period) its counts go out, and the final forecast: in full if late incidents or a
 * model swap changed it, else only its hotspots record, confirming the provisional one. On Sundays the close also
 * forecasts the longer horizons from Monday on (a weekly plan; recomputing them daily would write horizons x cells
 * records every night for a map that barely moves). Late incidents within retention correct a closed day. All
 * progress lives in state stores, so under exactly-once each forecast goes out once, also across restarts.
 * It only orchestrates (admission, the day store, the clock, the outputs each have their class), but the order of
 * those steps is the processor's whole contract, so it stays in one place.
 */
final class DailyCountProcessor implements Processor<String, AcceptedIncident, String, Output> {
    static final String DAY_COUNTS = "day-counts";
    static final String REGION_CLOCKS = "region-clocks";
    static final String SEEN_INCIDENTS = "seen-incidents";
    static final int MAX_DAYS_PER_CALL = 366;
    static final int FORGET_EVERY_DAYS = 7;

    private final Map<String, Grid> grids;
    private final ForecasterFactory forecasterFactory;
    private final CrimecastMetrics metrics;
    private final Duration wallClockInterval;
    private ForecasterSource forecasters;
    private ProcessorContext<String, Output> context;
    private DayStore days;
    private KeyValueStore<String, RegionClock> clocks;
    private Admission admission;
    private DayOutputs outputs;

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
        admission = new Admission(context.getStateStore(SEEN_INCIDENTS));
        outputs = new DayOutputs(context);
        forecasters = forecasterFactory.create(context.getStateStore(ModelStoreUpdater.MODEL_STORE));
        context.schedule(wallClockInterval, PunctuationType.WALL_CLOCK_TIME, this::publishForQuietRegions);
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
        long now = context.currentSystemTimeMs();
        RegionClock clock = grid == null ? null : clocks.get(grid.region());
        if (grid != null && clock == null) {
            clock = RegionClock.startingAt(incident.localDate(), incident.occurredAtMillis(), now);
        }
        Optional<Admission.Refusal> refusal = admission.refusal(grid, clock, incident);
        if (refusal.isPresent()) {
            reject(record, new Rejection(incident.id(), incident.original(), refusal.get().reason(), Rejection.Stage.COUNT,
                    refusal.get().detail()));
            return;
        }
        LocalDate date = incident.localDate();
        List<Layer> layers = Layer.matching(grid.spec().layers(), incident.category());
        Objects.checkIndex(incident.cell(), grid.cellCount()); // before any store is written, so a bad cell id leaves no trace
        admission.remember(grid, incident);
        int[] cellCounts = new int[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            cellCounts[i] = days.increment(grid, layers.get(i), date, incident.cell());
        }
        metrics.accepted(grid.region());
        if (!date.isAfter(clock.closedThrough())) {
            metrics.late(grid.region());
            for (int i = 0; i < layers.size(); i++) {
                outputs.correction(grid, layers.get(i).name(), incident.cell(), date, cellCounts[i], record.timestamp());
            }
        }
        clock = clock.counted(date).advancedTo(incident.occurredAtMillis(), now);
        clocks.put(grid.region(), clock);
        publishDue(grid, clock, clock.eventMillis(), "stream-time");
    }

    /** Wall-clock fallback: a live region whose input went quiet still closes its days. */
    private void publishForQuietRegions(long now) {
        List<KeyValue<String, RegionClock>> all = new ArrayList<>();
        try (KeyValueIterator<String, RegionClock> it = clocks.all()) {
            it.forEachRemaining(all::add);
        }
        for (KeyValue<String, RegionClock> entry : all) {
            Grid grid = grids.get(entry.key);
            if (grid != null) {
                long liveLag = Duration.ofDays(1).plus(grid.spec().grace()).toMillis();
                publishDue(grid, entry.value, entry.value.effectiveMillis(now, liveLag), "wall-clock");
            }
        }
    }

    /**
     * Closes the days whose grace has passed by {@code timeMillis}, at most {@link #MAX_DAYS_PER_CALL} at a time so
     * that a jump in time cannot outlast the transaction (the next incident or punctuation closes the rest), then sends
     * the provisional forecasts of days that ended but have not closed.
     */
    private void publishDue(Grid grid, RegionClock clock, long timeMillis, String trigger) {
        Instant time = Instant.ofEpochMilli(timeMillis);
        RegionClock current = clock;
        LocalDate next = current.closedThrough().plusDays(1);
        int closed = 0;
        while (closed++ < MAX_DAYS_PER_CALL && !DayCalendar.closesAt(grid.spec(), next).isAfter(time)) {
            long started = System.nanoTime();
            closeDay(grid, current, next);
            current = current.closed(next);
            clocks.put(grid.region(), current);
            metrics.dayClosed(grid.region(), trigger, Duration.ofNanos(System.nanoTime() - started), grid.cellCount(),
                    weekly(next));
            next = next.plusDays(1);
        }
        LocalDate ended = current.lastForecastFrom().plusDays(1);
        while (ended.isAfter(current.closedThrough()) && !DayCalendar.endOf(grid.spec(), ended).isAfter(time)
                && DayCalendar.closesAt(grid.spec(), ended).isAfter(time)) {
            current = current.provisional(ended, publishProvisional(grid, current.firstDay(), ended));
            clocks.put(grid.region(), current);
            ended = ended.plusDays(1);
        }
    }

    /** Sends each layer's provisional next-day forecast from the counts of {@code day} so far; returns the models used. */
    private Map<String, String> publishProvisional(Grid grid, LocalDate firstDay, LocalDate day) {
        Instant generatedAt = Instant.ofEpochMilli(context.currentSystemTimeMs());
        Map<String, String> models = new LinkedHashMap<>();
        for (Layer layer : grid.spec().layers()) {
            Forecast next = nextDay(grid, layer, firstDay, day);
            outputs.forecast(grid, layer, 1, next, Output.Status.PROVISIONAL, true, generatedAt);
            models.put(layer.name(), next.modelVersion());
        }
        return models;
    }

    private void closeDay(Grid grid, RegionClock clock, LocalDate day) {
        long dayEnd = DayCalendar.endOf(grid.spec(), day).toEpochMilli();
        Instant generatedAt = Instant.ofEpochMilli(context.currentSystemTimeMs());
        for (Layer layer : grid.spec().layers()) {
            outputs.closedCounts(grid, layer, day, days.counts(grid, layer, day), dayEnd);
            Forecast next = nextDay(grid, layer, clock.firstDay(), day);
            boolean revised = !clock.confirms(day, layer.name(), next.modelVersion());
            outputs.forecast(grid, layer, 1, next, Output.Status.FINAL, revised, generatedAt);
            if (weekly(day)) {
                PeriodForecaster periods = forecasters.periods(grid, layer);
                List<Integer> horizons = grid.spec().horizons();
                DayHistory history = days.historyWithTotals(grid, layer, clock.firstDay(), day, periods.historyDays());
                List<Forecast> forecasts = periods.forecast(grid, history, horizons);
                for (int i = 0; i < horizons.size(); i++) {
                    outputs.forecast(grid, layer, horizons.get(i), forecasts.get(i), Output.Status.FINAL, true, generatedAt);
                }
            }
            days.pruneAfterClosing(grid, layer, clock.firstDay(), day);
        }
        // Forgetting scans the region's ids, so it runs weekly; an id kept a few days longer is still refused
        // (as a duplicate rather than too late).
        if (day.toEpochDay() % FORGET_EVERY_DAYS == 0) {
            admission.forgetAfterClosing(grid, day);
        }
    }

    /** Sunday's close also forecasts the longer periods, from Monday on. */
    private static boolean weekly(LocalDate closedDay) {
        return closedDay.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private Forecast nextDay(Grid grid, Layer layer, LocalDate firstDay, LocalDate day) {
        Forecaster forecaster = forecasters.current(grid, layer);
        return forecaster.forecast(grid, days.history(grid, layer, firstDay, day, forecaster.historyDays()));
    }

    private void reject(Record<String, AcceptedIncident> record, Rejection rejection) {
        metrics.rejected(rejection);
        context.forward(new Record<String, Output>(rejection.incidentId(), new Output.Rejected(rejection), record.timestamp(),
                Rejections.describe(new RecordHeaders(record.headers().toArray()), rejection)));
    }
}
