package io.crimecast.stream;

import io.crimecast.topics.TopicNames;
import io.crimecast.topics.Output;
import io.crimecast.topics.JsonSerde;
import io.crimecast.grid.Grid;
import io.crimecast.incident.AcceptedIncident;
import io.crimecast.incident.IncidentValidator;
import io.crimecast.incident.Validation;
import io.crimecast.ops.CrimecastMetrics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CrimeCast topology, top to bottom:
 * incidents → validate (bad input → incidents.rejected) → re-key by region → count per local day and cell, close
 * days → cell-daily-counts, forecasts, hotspots (duplicates and too-late incidents → incidents.rejected).
 * Model bundles from model-weights sit in a global store that the day-closing step reads.
 */
public final class CrimecastTopology {
    private CrimecastTopology() {
    }

    public static Topology build(List<Grid> grids, TopicNames topics, ForecasterFactory forecasters,
                                 CrimecastMetrics metrics, Duration wallClockInterval) {
        Map<String, Grid> byRegion = new LinkedHashMap<>();
        grids.forEach(g -> byRegion.put(g.region(), g));
        IncidentValidator validator = new IncidentValidator(grids);
        StreamsBuilder builder = new StreamsBuilder();

        // A region's clock and open day change with every incident: cached, they reach RocksDB and the changelog once
        // per commit instead of once per incident. Incident ids are all different, so caching them only costs.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DailyCountProcessor.DAY_COUNTS),
                Serdes.String(), new CellCountsSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DailyCountProcessor.REGION_CLOCKS),
                Serdes.String(), new JsonSerde<>(RegionClock.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DailyCountProcessor.SEEN_INCIDENTS),
                Serdes.String(), Serdes.Long()));

        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ModelStoreUpdater.MODEL_STORE),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                topics.modelWeights(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("model-weights"),
                ModelStoreUpdater::new);

        KStream<String, Validation> validated = builder
                .stream(topics.incidents(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("incidents"))
                .process(() -> new ValidationProcessor(validator::validate, metrics), Named.as("validate"));

        validated.filter((k, v) -> v instanceof Validation.Rejected, Named.as("invalid"))
                .mapValues(v -> Rejections.payload(((Validation.Rejected) v).rejection()), Named.as("invalid-bytes"))
                .to(topics.rejected(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("rejected-at-validation"));

        KStream<String, Output> outputs = validated
                .filter((k, v) -> v instanceof Validation.Accepted, Named.as("valid"))
                .mapValues(v -> ((Validation.Accepted) v).incident(), Named.as("valid-incident"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(AcceptedIncident.class)).withName("by-region"))
                .process(() -> new DailyCountProcessor(byRegion, forecasters, metrics, wallClockInterval), Named.as("count-and-close"),
                        DailyCountProcessor.DAY_COUNTS, DailyCountProcessor.REGION_CLOCKS, DailyCountProcessor.SEEN_INCIDENTS);

        route(outputs, Output.CellDayCount.class, topics.cellDailyCounts());
        route(outputs, Output.CellForecast.class, topics.forecasts());
        route(outputs, Output.Hotspots.class, topics.hotspots());
        outputs.filter((k, v) -> v instanceof Output.Rejected, Named.as("refused"))
                .mapValues(v -> Rejections.payload(((Output.Rejected) v).rejection()), Named.as("refused-bytes"))
                .to(topics.rejected(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("rejected-at-count"));
        return builder.build();
    }

    private static <T extends Output> void route(KStream<String, Output> outputs, Class<T> type, String topic) {
        Serde<T> serde = new JsonSerde<>(type);
        outputs.filter((k, v) -> type.isInstance(v), Named.as("is-" + topic))
                .mapValues(type::cast, Named.as("as-" + topic))
                .to(topic, Produced.with(Serdes.String(), serde).withName("to-" + topic));
    }
}
