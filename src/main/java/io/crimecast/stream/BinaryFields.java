package io.crimecast.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Length-prefixed UTF-8 strings (null as length -1) for the binary store and repartition values. */
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
}
