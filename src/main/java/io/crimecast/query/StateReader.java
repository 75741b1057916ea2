package io.crimecast.query;

import io.crimecast.stream.QueryableState;
import io.crimecast.topics.Output;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Reads one region's {@link QueryableState}: the stores of the task that owns it. */
public final class StateReader {
    /** Sorts after every character a key holds, so that {@code prefix + END} bounds a prefix's range. */
    private static final String END = "\uffff";

    private final ReadOnlyKeyValueStore<String, QueryableState.CellScore> forecasts;
    private final ReadOnlyKeyValueStore<String, Output.Hotspots> hotspots;
    private final ReadOnlyKeyValueStore<String, Integer> counts;

    public StateReader(ReadOnlyKeyValueStore<String, QueryableState.CellScore> forecasts,
                       ReadOnlyKeyValueStore<String, Output.Hotspots> hotspots, ReadOnlyKeyValueStore<String, Integer> counts) {
        this.forecasts = forecasts;
        this.hotspots = hotspots;
        this.counts = counts;
    }

    /** The stores of one partition's task on this instance (throws InvalidStateStoreException while they move). */
    static StateReader of(KafkaStreams streams, int partition) {
        return new StateReader(store(streams, QueryableState.FORECASTS, partition), store(streams, QueryableState.HOTSPOTS, partition),
                store(streams, QueryableState.COUNTS, partition));
    }

    private static <V> ReadOnlyKeyValueStore<String, V> store(KafkaStreams streams, String name, int partition) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()).withPartition(partition));
    }

    /** The kept hotspots records of a layer and horizon, oldest period first. */
    List<Output.Hotspots> periods(String region, String layer, int horizonDays) {
        List<Output.Hotspots> out = new ArrayList<>();
        scan(hotspots, QueryableState.periodsPrefix(region, layer, horizonDays), (k, v) -> out.add(v));
        return out;
    }

    Optional<Output.Hotspots> hotspots(String region, String layer, int horizonDays, LocalDate periodStart) {
        return Optional.ofNullable(hotspots.get(QueryableState.hotspotsKey(region, layer, horizonDays, periodStart)));
    }

    /** The cells a forecast has a record for (on large grids not every cell), by cell id. */
    Map<Integer, QueryableState.CellScore> scores(String region, String layer, int horizonDays, LocalDate periodStart) {
        Map<Integer, QueryableState.CellScore> out = new LinkedHashMap<>();
        scan(forecasts, QueryableState.hotspotsKey(region, layer, horizonDays, periodStart) + '/',
                (k, v) -> out.put(Integer.parseInt(QueryableState.tail(k)), v));
        return out;
    }

    Optional<QueryableState.CellScore> score(String region, String layer, int horizonDays, LocalDate periodStart, int cell) {
        return Optional.ofNullable(forecasts.get(QueryableState.forecastKey(region, layer, horizonDays, periodStart, cell)));
    }

    /** A cell's count on a closed day: a day without a record for it counted none. */
    int count(String region, String layer, LocalDate date, int cell) {
        Integer n = counts.get(QueryableState.countKey(region, layer, date, cell));
        return n == null ? 0 : n;
    }

    /** The counts of days {@code from..to}: each cell's as (date, cell, count), each day's layer total as cell -1. */
    void counts(String region, String layer, LocalDate from, LocalDate to, DayCount sink) {
        String prefix = QueryableState.layerPrefix(region, layer);
        String first = QueryableState.dayPrefix(region, layer, from), last = QueryableState.dayPrefix(region, layer, to) + END;
        try (KeyValueIterator<String, Integer> it = counts.range(first, last)) {
            while (it.hasNext()) {
                KeyValue<String, Integer> kv = it.next();
                String rest = kv.key.substring(prefix.length());
                int slash = rest.indexOf('/');
                LocalDate date = LocalDate.parse(rest.substring(0, slash));
                String tail = rest.substring(slash + 1);
                sink.accept(date, tail.equals(QueryableState.TOTAL) ? -1 : Integer.parseInt(tail), kv.value);
            }
        }
    }

    /** The oldest day whose counts are kept, if any. */
    Optional<LocalDate> firstCountedDay(String region, String layer) {
        String prefix = QueryableState.layerPrefix(region, layer);
        try (KeyValueIterator<String, Integer> it = counts.range(prefix, prefix + END)) {
            if (!it.hasNext()) {
                return Optional.empty();
            }
            String rest = it.next().key.substring(prefix.length());
            return Optional.of(LocalDate.parse(rest.substring(0, rest.indexOf('/'))));
        }
    }

    interface DayCount {
        void accept(LocalDate date, int cell, int count);
    }

    private static <V> void scan(ReadOnlyKeyValueStore<String, V> store, String prefix, BiConsumer<String, V> sink) {
        try (KeyValueIterator<String, V> it = store.range(prefix, prefix + END)) {
            it.forEachRemaining(kv -> sink.accept(kv.key, kv.value));
        }
    }
}
