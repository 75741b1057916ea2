package io.crimecast.stream;

import io.crimecast.model.Forecaster;
import io.crimecast.model.ForecasterSource;
import io.crimecast.ops.CrimecastMetrics;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Makes the forecaster source of a stream task, given the global store of model bundles. */
@FunctionalInterface
public interface ForecasterFactory {
    ForecasterSource create(ReadOnlyKeyValueStore<String, byte[]> modelStore);

    /** Networks from the model store when valid ones exist, else {@code baseline}. */
    static ForecasterFactory serving(Forecaster baseline, byte[] signingKey, CrimecastMetrics metrics) {
        return store -> new ModelServing(store, baseline, signingKey, metrics);
    }
}
