package io.crimecast.query;

import io.crimecast.stream.QueryableState;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/** Where a region's queryable state lives: here, on another instance, or nowhere just now (a rebalance). */
public interface StateLocator {

    sealed interface Location permits Here, Elsewhere, Unavailable {
    }

    record Here(StateReader state) implements Location {
    }

    /** @param hostPort the owner's {@code application.server}: its HTTP host and port */
    record Elsewhere(String hostPort) implements Location {
    }

    record Unavailable(String reason) implements Location {
    }

    Location locate(String region);

    /**
     * From the Streams metadata: a region's records are keyed by the region on the by-region topic, so the task
     * owning the key's partition holds its state, and its instance's {@code application.server} is where to ask.
     */
    static StateLocator of(KafkaStreams streams, HostInfo self) {
        return region -> {
            KeyQueryMetadata meta;
            try {
                meta = streams.queryMetadataForKey(QueryableState.HOTSPOTS, region, Serdes.String().serializer());
            } catch (InvalidStateStoreException | IllegalStateException e) { // not started yet, or stopping
                return new Unavailable("the streaming app is " + streams.state());
            }
            if (meta == null || meta.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
                return new Unavailable("the streaming app is not running or is rebalancing");
            }
            if (!meta.activeHost().equals(self)) {
                return new Elsewhere(meta.activeHost().host() + ":" + meta.activeHost().port());
            }
            try {
                return new Here(StateReader.of(streams, meta.partition()));
            } catch (InvalidStateStoreException e) {
                return new Unavailable("the region's state is being restored or moved: " + e.getMessage());
            }
        };
    }
}
