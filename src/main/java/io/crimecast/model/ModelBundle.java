package io.crimecast.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Layer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A trained model as one file: metadata JSON plus weights, protected by a SHA-256 checksum and optionally an
 * HMAC-SHA256 signature. Layout (big-endian):
 * <pre>
 *   "CCMB" | u16 layout=1 | i32 n | metadata JSON (n bytes) | i32 m | weights (m bytes)
 *   | SHA-256 of everything before it (32) | u8 signed (0/1) | HMAC-SHA256 of the same bytes (32, if signed)
 * </pre>
 */
public final class ModelBundle {
    private static final byte[] MAGIC = "CCMB".getBytes(StandardCharsets.US_ASCII);
    private static final short LAYOUT = 1;
    private static final int HASH_BYTES = 32;
    /** Far above any real bundle (a few hundred KB); guards allocations against corrupt lengths. */
    private static final int MAX_PART_BYTES = 64 << 20;
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final BundleMetadata metadata;
    private final byte[] weights;

    public ModelBundle(BundleMetadata metadata, byte[] weights) {
        this.metadata = metadata;
        this.weights = weights.clone();
    }

    /**
     * The bundle's key on the compacted model-weights topic: one bundle per region, layer and kind; region/kind for
     * the layer all (as before layers existed), region/layer/kind for the others.
     */
    public static String key(String region, String layer, ModelKind kind) {
        return Layer.ALL.name().equals(layer) ? region + "/" + kind.cliName() : region + "/" + layer + "/" + kind.cliName();
    }

    public String key() {
        return key(metadata.grid().region(), metadata.layer(), metadata.kind());
    }

    public BundleMetadata metadata() {
        return metadata;
    }

    public byte[] weights() {
        return weights.clone();
    }

    /** The unsigned bundle. */
    public byte[] toBytes() {
        return toBytes(null);
    }

    /** The bundle, signed with HMAC-SHA256 when {@code signingKeyOrNull} is given. */
    public byte[] toBytes(byte[] signingKeyOrNull) {
        byte[] meta;
        try {
            meta = JSON.writeValueAsBytes(metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int bodyLength = MAGIC.length + 2 + 4 + meta.length + 4 + weights.length;
        ByteBuffer out = ByteBuffer.allocate(bodyLength + HASH_BYTES + 1 + (signingKeyOrNull == null ? 0 : HASH_BYTES));
        out.put(MAGIC).putShort(LAYOUT).putInt(meta.length).put(meta).putInt(weights.length).put(weights);
        byte[] body = Arrays.copyOf(out.array(), bodyLength);
        out.put(sha256(body));
        out.put((byte) (signingKeyOrNull == null ? 0 : 1));
        if (signingKeyOrNull != null) {
            out.put(hmac(signingKeyOrNull, body));
        }
        return out.array();
    }

    /**
     * Reads and verifies a bundle. With a key, an unsigned or wrongly signed bundle is refused; without one the
     * signature is not checked (the checksum always is).
     */
    public static ModelBundle read(byte[] bytes, byte[] signingKeyOrNull) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte[] meta;
        byte[] weights;
        int bodyLength;
        byte[] checksum = new byte[HASH_BYTES];
        int signed;
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC) || in.getShort() != LAYOUT) {
                throw corrupt("not a CrimeCast model bundle (or an unknown layout)");
            }
            meta = part(in);
            weights = part(in);
            bodyLength = in.position();
            in.get(checksum);
            signed = in.get();
        } catch (BufferUnderflowException e) {
            throw corrupt("truncated");
        }
        byte[] body = Arrays.copyOf(bytes, bodyLength);
        if (!MessageDigest.isEqual(checksum, sha256(body))) {
            throw new BundleException(BundleException.Reason.CHECKSUM, "the checksum does not match the contents");
        }
        int expectedLength = bodyLength + HASH_BYTES + 1 + (signed == 1 ? HASH_BYTES : 0);
        if ((signed != 0 && signed != 1) || bytes.length != expectedLength) {
            throw corrupt("bad trailer");
        }
        if (signingKeyOrNull != null) {
            if (signed == 0) {
                throw new BundleException(BundleException.Reason.UNSIGNED, "a signing key is configured but the bundle is unsigned");
            }
            byte[] signature = Arrays.copyOfRange(bytes, bodyLength + HASH_BYTES + 1, bytes.length);
            if (!MessageDigest.isEqual(signature, hmac(signingKeyOrNull, body))) {
                throw new BundleException(BundleException.Reason.SIGNATURE, "the signature does not match the signing key");
            }
        }
        return new ModelBundle(parseMetadata(meta), weights);
    }

    /** The next-day forecaster this bundle holds, for {@code grid}; refuses a grid other than the one it was trained on. */
    public Forecaster toForecaster(Grid grid) {
        BundleLoader loader = BundleLoaders.forKind(metadata.kind());
        if (loader == null) {
            throw new BundleException(BundleException.Reason.UNSUPPORTED_KIND, metadata.kind().cliName() + " does not forecast the next day");
        }
        return load(grid, () -> loader.load(this, grid));
    }

    /** The longer periods' forecaster this bundle holds (a per-cell network), for {@code grid}, as {@link #toForecaster}. */
    public PeriodForecaster toPeriodForecaster(Grid grid) {
        if (metadata.kind().role() != ModelKind.Role.PERIODS) {
            throw new BundleException(BundleException.Reason.UNSUPPORTED_KIND, metadata.kind().cliName() + " does not forecast periods");
        }
        return load(grid, () -> CellBundle.load(this));
    }

    private interface Load<T> {
        T load() throws Exception;
    }

    private <T> T load(Grid grid, Load<T> load) {
        GridKey actual = GridKey.of(grid);
        if (!actual.equals(metadata.grid())) {
            throw new BundleException(BundleException.Reason.GRID_MISMATCH,
                    "trained on " + metadata.grid() + ", asked to serve " + actual);
        }
        try {
            return load.load();
        } catch (BundleException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw new BundleException(BundleException.Reason.LOAD_FAILED, "the weights would not load: " + e, e);
        }
    }

    private static BundleMetadata parseMetadata(byte[] meta) {
        JsonNode tree;
        try {
            tree = JSON.readTree(meta);
        } catch (IOException e) {
            throw corrupt("metadata is not JSON");
        }
        String kind = tree.path("kind").asText();
        if (Arrays.stream(ModelKind.values()).noneMatch(k -> k.name().equals(kind))) {
            throw new BundleException(BundleException.Reason.UNSUPPORTED_KIND, "unknown model kind '" + kind + "'");
        }
        try {
            return JSON.treeToValue(tree, BundleMetadata.class);
        } catch (IOException | IllegalArgumentException e) {
            throw corrupt("metadata does not describe a model: " + e.getMessage());
        }
    }

    private static byte[] part(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > MAX_PART_BYTES || length > in.remaining()) {
            throw corrupt("bad part length " + length);
        }
        byte[] part = new byte[length];
        in.get(part);
        return part;
    }

    private static BundleException corrupt(String message) {
        return new BundleException(BundleException.Reason.CORRUPT, message);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
