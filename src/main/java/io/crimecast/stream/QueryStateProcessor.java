package io.crimecast.stream;

import io.crimecast.topics.Output;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps {@link QueryableState} from the day-closing step's output. It runs in the same task as the region's counting
 * (same partition of by-region), so the instance that owns a region's counting also answers queries about it.
 * Each next-day hotspots record (the last record a layer's close writes) prunes what has aged out.
 */
final class QueryStateProcessor implements Processor<String, Output, Void, Void> {
    private final Map<String, List<Integer>> horizonsByRegion;
    private KeyValueStore<String, QueryableState.CellScore> forecasts;
    private KeyValueStore<String, Output.Hotspots> hotspots;
    private KeyValueStore<String, Integer> counts;
    /** Per store and prefix, where the last prune stopped: in memory only, so after a restart the first prune scans from the prefix. */
    private final Map<String, String> prunedBelow = new HashMap<>();

    /** @param horizonsByRegion every horizon a region forecasts (1 and its longer ones), for pruning */
    QueryStateProcessor(Map<String, List<Integer>> horizonsByRegion) {
        this.horizonsByRegion = horizonsByRegion;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        forecasts = context.getStateStore(QueryableState.FORECASTS);
        hotspots = context.getStateStore(QueryableState.HOTSPOTS);
        counts = context.getStateStore(QueryableState.COUNTS);
    }

    @Override
    public void process(Record<String, Output> record) {
        Output out = record.value();
        if (out instanceof Output.CellDayCount c) {
            count(c);
        } else if (out instanceof Output.CellForecast f) {
            forecasts.put(QueryableState.forecastKey(f.region(), f.layer(), f.horizonDays(), f.periodStart(), f.cell()),
                    new QueryableState.CellScore(f.expected(), f.bin(), f.hotspotProbability(), f.hotspot()));
        } else if (out instanceof Output.Hotspots h) {
            hotspots.put(QueryableState.hotspotsKey(h.region(), h.layer(), h.horizonDays(), h.periodStart()), h);
            if (h.horizonDays() == 1) {
                prune(h.region(), h.layer(), h.periodStart());
            }
        } // rejections are no query's business
    }

    /** A correction replaces the cell-day's count; the layer's total moves by the difference. */
    private void count(Output.CellDayCount c) {
        String key = QueryableState.countKey(c.region(), c.layer(), c.date(), c.cell());
        Integer before = counts.get(key);
        counts.put(key, c.count());
        String total = QueryableState.totalKey(c.region(), c.layer(), c.date());
        Integer sum = counts.get(total);
        counts.put(total, (sum == null ? 0 : sum) + c.count() - (before == null ? 0 : before));
    }

    private void prune(String region, String layer, LocalDate latestPeriod) {
        LocalDate oldestPeriod = latestPeriod.minusDays(QueryableState.PERIOD_DAYS);
        for (int horizon : horizonsByRegion.getOrDefault(region, List.of(1))) {
            String prefix = QueryableState.periodsPrefix(region, layer, horizon);
            deleteBelow(forecasts, prefix, prefix + oldestPeriod);
            deleteBelow(hotspots, prefix, prefix + oldestPeriod);
        }
        String prefix = QueryableState.layerPrefix(region, layer);
        deleteBelow(counts, prefix, prefix + latestPeriod.minusDays(QueryableState.COUNT_DAYS));
    }

    /**
     * Deletes the keys from {@code from} up to, not including, those starting with {@code below}. A range read walks
     * over RocksDB's tombstones of the keys deleted before until they are compacted away, so each scan starts where
     * this instance's last one for the same prefix and store ended: nothing older is written again (JFR: from the
     * prefix's start, the daily prunes grew to 8% of the stream thread over a year of closes).
     */
    private <V> void deleteBelow(KeyValueStore<String, V> store, String from, String below) {
        String start = prunedBelow.getOrDefault(store.name() + "/" + from, from);
        if (start.compareTo(below) >= 0) {
            return;
        }
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.range(start, below)) {
            it.forEachRemaining(kv -> {
                if (!kv.key.startsWith(below)) {
                    expired.add(kv.key);
                }
            });
        }
        expired.forEach(key -> Tombstone.write(store, key));
        prunedBelow.put(store.name() + "/" + from, below);
    }
}
