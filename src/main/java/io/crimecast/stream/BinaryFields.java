package io.crimecast.stream;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.function.Function;

/**
 * The binary store and repartition values: a format byte, then fields; strings length-prefixed UTF-8 (null as length
 * -1). Values an earlier version wrote as JSON (starting with '{') are still read.
 */
final class BinaryFields {
    private static final int NULL = -1;

    private BinaryFields() {
    }

    /** The bytes a string takes, its length prefix included. */
    static int size(byte[] utf8) {
        return 4 + (utf8 == null ? 0 : utf8.length);
    }

    static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    static void put(ByteBuffer out, byte[] utf8) {
        if (utf8 == null) {
            out.putInt(NULL);
        } else {
            out.putInt(utf8.length).put(utf8);
        }
    }

    static String string(ByteBuffer in) {
        int length = in.getInt();
        if (length == NULL) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A value of {@code format}, or the JSON an earlier version wrote; anything cut short or corrupt is a SerializationException. */
    static <T> T read(String topic, byte[] bytes, byte format, String what, Deserializer<T> json, Function<ByteBuffer, T> fields) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length > 0 && bytes[0] == '{') {
            return json.deserialize(topic, bytes);
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.get() != format) {
                throw new SerializationException("unknown format " + bytes[0] + " of " + what);
            }
            return fields.apply(in);
        } catch (BufferUnderflowException | NegativeArraySizeException | DateTimeException e) {
            throw new SerializationException(what + " is cut short or corrupt", e);
        }
    }
}
