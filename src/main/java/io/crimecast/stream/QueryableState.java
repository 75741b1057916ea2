package io.crimecast.stream;

import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.LocalDate;
import java.util.List;

/**
 * The state the query API reads (Kafka Streams interactive queries), kept by {@link QueryStateProcessor} in the
 * region's own task: its forecasts and hotspots of recent periods and its recent daily counts. Keys start with the
 * region, so one prefix or range scan reads a region's layer, and dates are ISO-8601, so they sort as they run.
 */
public final class QueryableState {
    /** {@code region/layer/<N>d/periodStart/cell} → the cell's score (its geometry comes from the grid). */
    public static final String FORECASTS = "query-forecasts";
    /** {@code region/layer/<N>d/periodStart} → the hotspots record, as written to the hotspots topic. */
    public static final String HOTSPOTS = "query-hotspots";
    /** {@code region/layer/date/cell} → the cell's count that day; {@code region/layer/date/total} → the layer's. */
    public static final String COUNTS = "query-counts";
    public static final List<String> STORES = List.of(FORECASTS, HOTSPOTS, COUNTS);
    public static final String TOTAL = "total";
    /** Periods kept, by start, behind the latest next-day forecast: the day picker's reach. */
    public static final int PERIOD_DAYS = 60;
    /** Days of counts kept: the longest window the evidence reads is a year. */
    public static final int COUNT_DAYS = 366;

    /** What a forecast said of one cell; the rest of its record (geometry, period, model) is the grid's or the hotspots'. */
    public record CellScore(double expected, Integer bin, double hotspotProbability, boolean hotspot) {
    }

    private QueryableState() {
    }

    static void addStores(StreamsBuilder builder) {
        builder.addStateStore(store(FORECASTS, new JsonSerde<>(CellScore.class)));
        builder.addStateStore(store(HOTSPOTS, new JsonSerde<>(Output.Hotspots.class)));
        builder.addStateStore(store(COUNTS, Serdes.Integer()));
    }

    // Cached: a day close rewrites many keys; they reach RocksDB and the changelog once per commit.
    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, org.apache.kafka.common.serialization.Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values).withCachingEnabled();
    }

    public static String layerPrefix(String region, String layer) {
        return region + '/' + layer + '/';
    }

    public static String periodsPrefix(String region, String layer, int horizonDays) {
        return layerPrefix(region, layer) + horizonDays + "d/";
    }

    public static String hotspotsKey(String region, String layer, int horizonDays, LocalDate periodStart) {
        return periodsPrefix(region, layer, horizonDays) + periodStart;
    }

    public static String forecastKey(String region, String layer, int horizonDays, LocalDate periodStart, int cell) {
        return hotspotsKey(region, layer, horizonDays, periodStart) + '/' + cell;
    }

    public static String dayPrefix(String region, String layer, LocalDate date) {
        return layerPrefix(region, layer) + date + '/';
    }

    public static String countKey(String region, String layer, LocalDate date, int cell) {
        return dayPrefix(region, layer, date) + cell;
    }

    public static String totalKey(String region, String layer, LocalDate date) {
        return dayPrefix(region, layer, date) + TOTAL;
    }

    /** The key's last part after its prefix: a cell id, or {@link #TOTAL}. */
    public static String tail(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
