package io.crimecast.stream;

import io.crimecast.grid.Grid;
import io.crimecast.incident.IncidentValidator;
import io.crimecast.incident.Validation;
import io.crimecast.ops.CrimecastMetrics;
import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;
import io.crimecast.topics.TopicNames;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
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
import java.util.stream.Stream;

/**
 * The CrimeCast topology, top to bottom:
 * incidents → validate (bad input → incidents.rejected) → re-key by region → count per local day and cell, close
 * days → cell-daily-counts, forecasts, hotspots (duplicates and too-late incidents → incidents.rejected).
 * Model bundles from model-weights sit in a global store that the day-closing step reads.
 */
public final class CrimecastTopology {
    /** The repartition step that brings a region's incidents to one task: its topic is the application id, this, "-repartition". */
    public static final String BY_REGION = "by-region";

    private CrimecastTopology() {
    }

    public static Topology build(List<Grid> grids, TopicNames topics, ForecasterFactory forecasters,
                                 CrimecastMetrics metrics, Duration wallClockInterval) {
        Map<String, Grid> byRegion = new LinkedHashMap<>();
        grids.forEach(g -> byRegion.put(g.region(), g));
        Map<String, List<Integer>> horizons = new LinkedHashMap<>();
        grids.forEach(g -> horizons.put(g.region(), Stream.concat(Stream.of(1), g.spec().horizons().stream()).toList()));
        IncidentValidator validator = new IncidentValidator(grids);
        StreamsBuilder builder = new StreamsBuilder();

        // A region's clock and open day change with every incident: cached, they reach RocksDB and the changelog once
        // per commit instead of once per incident. Incident ids are all different, so caching them only costs.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DailyCountProcessor.DAY_COUNTS),
                Serdes.String(), new CellCountsSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DailyCountProcessor.REGION_CLOCKS),
                Serdes.String(), new RegionClockSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DailyCountProcessor.SEEN_INCIDENTS),
                Serdes.String(), Serdes.Long()));
        QueryableState.addStores(builder);

        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ModelStoreUpdater.MODEL_STORE),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                topics.modelWeights(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("model-weights"),
                ModelStoreUpdater::new);

        KStream<String, Validation> validated = builder
                .stream(topics.incidents(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("incidents"))
                .process(() -> new ValidationProcessor(validator::validate, metrics), Named.as("validate"));

        Map<String, KStream<String, Validation>> byOutcome = validated.split(Named.as("validation-"))
                .branch((k, v) -> v instanceof Validation.Rejected, Branched.as("rejected"))
                .defaultBranch(Branched.as("accepted"));
        byOutcome.get("validation-rejected")
                .mapValues(v -> Rejections.payload(((Validation.Rejected) v).rejection()), Named.as("invalid-bytes"))
                .to(topics.rejected(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("rejected-at-validation"));

        KStream<String, Output> outputs = byOutcome.get("validation-accepted")
                .mapValues(v -> ((Validation.Accepted) v).incident(), Named.as("valid-incident"))
                .repartition(Repartitioned.with(Serdes.String(), new AcceptedIncidentSerde()).withName(BY_REGION))
                .process(() -> new DailyCountProcessor(byRegion, forecasters, metrics, wallClockInterval), Named.as("count-and-close"),
                        DailyCountProcessor.DAY_COUNTS, DailyCountProcessor.REGION_CLOCKS, DailyCountProcessor.SEEN_INCIDENTS);
        // Same task as the counting, so the region's owner holds what queries about it read.
        outputs.process(() -> new QueryStateProcessor(horizons), Named.as("keep-queryable-state"), QueryableState.STORES.toArray(String[]::new));
        outputs.split(Named.as("output-"))
                .branch((k, v) -> v instanceof Output.CellDayCount, Branched.withConsumer(s -> to(s, Output.CellDayCount.class, topics.cellDailyCounts())))
                .branch((k, v) -> v instanceof Output.CellForecast, Branched.withConsumer(s -> to(s, Output.CellForecast.class, topics.forecasts())))
                .branch((k, v) -> v instanceof Output.Hotspots, Branched.withConsumer(s -> to(s, Output.Hotspots.class, topics.hotspots())))
                .branch((k, v) -> v instanceof Output.Rejected, Branched.withConsumer(s -> s
                        .mapValues(v -> Rejections.payload(((Output.Rejected) v).rejection()), Named.as("refused-bytes"))
                        .to(topics.rejected(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("rejected-at-count"))))
                .noDefaultBranch();
        return builder.build();
    }

    private static <T extends Output> void to(KStream<String, Output> outputs, Class<T> type, String topic) {
        outputs.mapValues(type::cast, Named.as("as-" + topic)).to(topic, Produced.with(Serdes.String(), new JsonSerde<>(type)).withName("to-" + topic));
    }
}
