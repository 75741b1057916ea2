package io.crimecast.stream;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.ByteUtils;

import java.nio.ByteBuffer;

/**
 * A day's per-cell counts in the state store and its changelog, sparse: the number of cells, then (cell id gap,
 * count) pairs of the cells with a count, as varints. A street-level day is 36,000 cells of which a few hundred
 * counted: as JSON it was about 100 KB read and written at every incident; this is a few hundred bytes.
 */
final class CellCountsSerde implements Serde<int[]> {

    @Override
    public Serializer<int[]> serializer() {
        return (topic, counts) -> {
            if (counts == null) {
                return null;
            }
            int nonZero = 0;
            for (int c : counts) {
                nonZero += c != 0 ? 1 : 0;
            }
            ByteBuffer out = ByteBuffer.allocate(5 * (2 + 2 * nonZero));
            ByteUtils.writeUnsignedVarint(counts.length, out);
            ByteUtils.writeUnsignedVarint(nonZero, out);
            int previous = -1;
            for (int cell = 0; cell < counts.length; cell++) {
                if (counts[cell] != 0) {
                    ByteUtils.writeUnsignedVarint(cell - previous - 1, out);
                    ByteUtils.writeUnsignedVarint(counts[cell], out);
                    previous = cell;
                }
            }
            byte[] bytes = new byte[out.position()];
            out.flip().get(bytes);
            return bytes;
        };
    }

    @Override
    public Deserializer<int[]> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                ByteBuffer in = ByteBuffer.wrap(bytes);
                int[] counts = new int[ByteUtils.readUnsignedVarint(in)];
                int entries = ByteUtils.readUnsignedVarint(in);
                int cell = -1;
                for (int i = 0; i < entries; i++) {
                    cell += ByteUtils.readUnsignedVarint(in) + 1;
                    counts[cell] = ByteUtils.readUnsignedVarint(in);
                }
                return counts;
            } catch (RuntimeException e) {
                throw new SerializationException("not a day's cell counts", e);
            }
        };
    }
}
