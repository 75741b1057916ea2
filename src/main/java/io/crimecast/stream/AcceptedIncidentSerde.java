package io.crimecast.stream;

import io.crimecast.incident.AcceptedIncident;
import io.crimecast.topics.JsonSerde;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.time.LocalDate;

/**
 * Valid incidents on the {@code by-region} repartition topic, in binary: a format byte, then id, region, cell, local
 * day, time, category and the original bytes, each length-prefixed. As JSON, with the original bytes in base64, writing
 * and reading it took about a fifth of the stream thread's time (JFR, a year of Philadelphia). Records a
 * version before this one wrote (JSON, starting with '{') are still read, so an upgrade loses no record in flight.
 */
final class AcceptedIncidentSerde implements Serde<AcceptedIncident> {
    private static final byte FORMAT = 1;
    private final JsonSerde<AcceptedIncident> json = new JsonSerde<>(AcceptedIncident.class);

    @Override
    public Serializer<AcceptedIncident> serializer() {
        return (topic, incident) -> {
            if (incident == null) {
                return null;
            }
            byte[] id = BinaryFields.utf8(incident.id());
            byte[] region = BinaryFields.utf8(incident.region());
            byte[] category = BinaryFields.utf8(incident.category());
            ByteBuffer out = ByteBuffer.allocate(1 + BinaryFields.size(id) + BinaryFields.size(region) + 4 + 8 + 8
                    + BinaryFields.size(category) + 4 + incident.original().length);
            out.put(FORMAT);
            BinaryFields.put(out, id);
            BinaryFields.put(out, region);
            out.putInt(incident.cell());
            out.putLong(incident.localDate().toEpochDay());
            out.putLong(incident.occurredAtMillis());
            BinaryFields.put(out, category);
            out.putInt(incident.original().length).put(incident.original());
            return out.array();
        };
    }

    @Override
    public Deserializer<AcceptedIncident> deserializer() {
        return (topic, bytes) -> BinaryFields.read(topic, bytes, FORMAT, "a by-region record", json.deserializer(), in -> {
            String id = BinaryFields.string(in);
            String region = BinaryFields.string(in);
            int cell = in.getInt();
            LocalDate day = LocalDate.ofEpochDay(in.getLong());
            long occurredAt = in.getLong();
            String category = BinaryFields.string(in);
            byte[] original = new byte[in.getInt()];
            in.get(original);
            return new AcceptedIncident(id, region, cell, day, occurredAt, category, original);
        });
    }
}
