package io.crimecast.stream;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global model store equal to the compacted model-weights topic; bundles are verified when served. */
final class ModelStoreUpdater implements Processor<String, byte[], Void, Void> {
    /** The global store's name, for interactive queries (key region/kind, value the bundle's bytes). */
    public static final String MODEL_STORE = "model-bundles";

    private KeyValueStore<String, byte[]> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(MODEL_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
    }
}
