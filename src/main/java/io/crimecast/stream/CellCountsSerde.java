package io.crimecast.stream;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.ByteUtils;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A day's per-cell counts in the state store and its changelog, sparse: the number of cells, then (cell id gap,
 * count) pairs of the cells with a count, as varints. A street-level day is 36,000 cells of which a few hundred
 * counted: as JSON it was about 100 KB read and written at every incident; this is a few hundred bytes.
 */
final class CellCountsSerde implements Serde<CellCounts> {

    @Override
    public Serializer<CellCounts> serializer() {
        return (topic, counts) -> {
            if (counts == null) {
                return null;
            }
            int counted = counts.ids().length;
            ByteBuffer out = ByteBuffer.allocate(5 * (2 + 2 * counted));
            ByteUtils.writeUnsignedVarint(counts.cells(), out);
            ByteUtils.writeUnsignedVarint(counted, out);
            int previous = -1;
            for (int i = 0; i < counted; i++) {
                ByteUtils.writeUnsignedVarint(counts.ids()[i] - previous - 1, out);
                ByteUtils.writeUnsignedVarint(counts.counts()[i], out);
                previous = counts.ids()[i];
            }
            byte[] bytes = new byte[out.position()];
            out.flip().get(bytes);
            return bytes;
        };
    }

    @Override
    public Deserializer<CellCounts> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                ByteBuffer in = ByteBuffer.wrap(bytes);
                int cells = ByteUtils.readUnsignedVarint(in);
                int entries = ByteUtils.readUnsignedVarint(in);
                int[] ids = new int[entries], counts = new int[entries];
                int cell = -1;
                for (int i = 0; i < entries; i++) {
                    cell += ByteUtils.readUnsignedVarint(in) + 1;
                    ids[i] = Objects.checkIndex(cell, cells);
                    counts[i] = ByteUtils.readUnsignedVarint(in);
                }
                return new CellCounts(cells, ids, counts);
            } catch (RuntimeException e) {
                throw new SerializationException("not a day's cell counts", e);
            }
        };
    }
}
