package io.crimecast.stream;

import io.crimecast.grid.Grid;
import io.crimecast.incident.AcceptedIncident;
import io.crimecast.incident.RejectReason;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which incidents a region counts: those of a region this instance serves, not counted before (by id, within the
 * retention horizon) and of a day that is open or still takes corrections.
 */
final class Admission {
    private final KeyValueStore<String, Long> seen;

    Admission(KeyValueStore<String, Long> seen) {
        this.seen = seen;
    }

    record Refusal(RejectReason reason, String detail) {
    }

    /**
     * Why the incident may not be counted, or empty.
     *
     * @param grid  the incident's region, null if not served here
     * @param clock the region's clock (its first incident starts it)
     */
    Optional<Refusal> refusal(Grid grid, RegionClock clock, AcceptedIncident incident) {
        if (grid == null) { // e.g. instances of one application serving different region lists
            return refuse(RejectReason.UNKNOWN_REGION, "region '" + incident.region() + "' is not served by this instance");
        }
        if (seen.get(seenKey(grid, incident)) != null) {
            return refuse(RejectReason.DUPLICATE, "incident id already counted within the retention horizon");
        }
        LocalDate date = incident.localDate();
        if (date.isBefore(clock.firstDay())) {
            return refuse(RejectReason.TOO_LATE, "day " + date + " is before the region's first day " + clock.firstDay());
        }
        // Date-based, like the pruning of counts and ids, so a day is refused before its state is gone.
        if (date.isBefore(oldestCorrectable(grid, clock.closedThrough()))) {
            return refuse(RejectReason.TOO_LATE, "day " + date + " closed and is past the retention horizon of " + grid.spec().retention());
        }
        return Optional.empty();
    }

    void remember(Grid grid, AcceptedIncident incident) {
        seen.put(seenKey(grid, incident), incident.localDate().toEpochDay());
    }

    /** Forgets the ids of days that no longer take corrections once {@code closedDay} closed. */
    void forgetAfterClosing(Grid grid, LocalDate closedDay) {
        long oldest = oldestCorrectable(grid, closedDay).toEpochDay();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = seen.prefixScan(grid.region() + '|', Serdes.String().serializer())) {
            it.forEachRemaining(kv -> {
                if (kv.value < oldest) {
                    expired.add(kv.key);
                }
            });
        }
        expired.forEach(key -> Tombstone.write(seen, key));
    }

    /** The oldest day that still takes late incidents once {@code closedThrough} has closed. */
    private static LocalDate oldestCorrectable(Grid grid, LocalDate closedThrough) {
        return closedThrough.minusDays(grid.spec().retention().toDays());
    }

    private static String seenKey(Grid grid, AcceptedIncident incident) {
        return grid.region() + '|' + incident.id();
    }

    private static Optional<Refusal> refuse(RejectReason reason, String detail) {
        return Optional.of(new Refusal(reason, detail));
    }
}
