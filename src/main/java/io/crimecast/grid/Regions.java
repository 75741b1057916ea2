package io.crimecast.grid;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads region files: bundled ones by name ({@link #BUNDLED}), any other by path. */
public final class Regions {
    public static final List<String> BUNDLED = List.of("philadelphia", "portland");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Regions() {
    }

    /** A bundled region by name, or a region file by path. */
    public static RegionSpec load(String nameOrPath) {
        if (BUNDLED.contains(nameOrPath)) {
            try (InputStream in = Regions.class.getResourceAsStream("/regions/" + nameOrPath + ".yaml")) {
                return parse(in.readAllBytes(), "bundled region " + nameOrPath);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path path = Path.of(nameOrPath);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("region '" + nameOrPath + "' is neither a bundled region " + BUNDLED + " nor a readable file");
        }
        try {
            return parse(Files.readAllBytes(path), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read region file " + path, e);
        }
    }

    public static RegionSpec parse(byte[] yaml, String origin) {
        try {
            return YAML.readValue(yaml, RegionSpec.class);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof NullPointerException ? e.getCause() : e;
            throw new IllegalArgumentException("invalid region file (" + origin + "): " + cause.getMessage(), e);
        }
    }
}
