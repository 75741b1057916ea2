package io.crimecast.stream;

import io.crimecast.topics.JsonSerde;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A region's clock in its store, in binary: a format byte, the days as epoch days, the times, the provisional day
 * (Long.MIN_VALUE: none), the revised flag and each layer's provisional model. The clock is read and written at every
 * incident; as JSON that was about a tenth of the stream thread's time (JFR, a year of Philadelphia). Clocks an
 * earlier version wrote as JSON (starting with '{') are still read, so an upgrade keeps every region's progress.
 */
final class RegionClockSerde implements Serde<RegionClock> {
    private static final byte FORMAT = 1;
    private static final long NO_DAY = Long.MIN_VALUE;
    private final JsonSerde<RegionClock> json = new JsonSerde<>(RegionClock.class);

    @Override
    public Serializer<RegionClock> serializer() {
        return (topic, clock) -> {
            if (clock == null) {
                return null;
            }
            byte[][] models = new byte[2 * clock.provisionalModels().size()][];
            int size = 1 + 5 * 8 + 1 + 4;
            int i = 0;
            for (Map.Entry<String, String> e : clock.provisionalModels().entrySet()) {
                models[i] = BinaryFields.utf8(e.getKey());
                models[i + 1] = BinaryFields.utf8(e.getValue());
                size += BinaryFields.size(models[i]) + BinaryFields.size(models[i + 1]);
                i += 2;
            }
            ByteBuffer out = ByteBuffer.allocate(size);
            out.put(FORMAT);
            out.putLong(clock.firstDay().toEpochDay());
            out.putLong(clock.closedThrough().toEpochDay());
            out.putLong(clock.eventMillis());
            out.putLong(clock.wallMillis());
            out.putLong(clock.provisionalThrough() == null ? NO_DAY : clock.provisionalThrough().toEpochDay());
            out.put((byte) (clock.revised() ? 1 : 0));
            out.putInt(clock.provisionalModels().size());
            for (byte[] model : models) {
                BinaryFields.put(out, model);
            }
            return out.array();
        };
    }

    @Override
    public Deserializer<RegionClock> deserializer() {
        return (topic, bytes) -> BinaryFields.read(topic, bytes, FORMAT, "a region clock", json.deserializer(), in -> {
            LocalDate firstDay = LocalDate.ofEpochDay(in.getLong());
            LocalDate closedThrough = LocalDate.ofEpochDay(in.getLong());
            long eventMillis = in.getLong();
            long wallMillis = in.getLong();
            long provisional = in.getLong();
            boolean revised = in.get() == 1;
            int layers = in.getInt();
            Map<String, String> models = new LinkedHashMap<>();
            for (int i = 0; i < layers; i++) {
                models.put(BinaryFields.string(in), BinaryFields.string(in));
            }
            return new RegionClock(firstDay, closedThrough, eventMillis, wallMillis,
                    provisional == NO_DAY ? null : LocalDate.ofEpochDay(provisional), models, revised);
        });
    }
}
