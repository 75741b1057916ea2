package io.crimecast.stream;

import org.apache.kafka.streams.state.KeyValueStore;

/** Deleting from a store without reading back the old value {@code delete} returns (and deserialising it). */
final class Tombstone {
    private Tombstone() {
    }

    /** The same tombstone in the store and its changelog as {@code delete}, minus the read: the prunes delete thousands a day. */
    static <K, V> void write(KeyValueStore<K, V> store, K key) {
        store.put(key, null);
    }
}
