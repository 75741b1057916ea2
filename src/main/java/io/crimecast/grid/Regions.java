package io.crimecast.grid;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Loads region files: bundled ones by name ({@link #BUNDLED}), any other by path. */
public final class Regions {
    public static final List<String> BUNDLED = List.of("philadelphia", "portland", "philadelphia-street");

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

    /** Reads and validates a region, its grid included, so every mistake is reported at load with its key. */
    public static RegionSpec parse(byte[] yaml, String origin) {
        checkKeys(yaml, origin);
        RegionSpec spec;
        try {
            spec = YAML.readValue(yaml, RegionSpec.class);
        } catch (InvalidFormatException e) {
            throw new IllegalArgumentException(badValue(e, origin), e);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof NullPointerException ? e.getCause() : e;
            throw new IllegalArgumentException("invalid region file (" + origin + "): " + cause.getMessage(), e);
        }
        try {
            new Grid(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid region file (" + origin + "): " + e.getMessage(), e);
        }
        return spec;
    }

    /**
     * Refuses keys the region records do not have, before Jackson reads them: a record is built from the keys it
     * knows, so a misspelt required key would otherwise be reported as the right key missing.
     */
    private static void checkKeys(byte[] yaml, String origin) {
        try (JsonParser parser = YAML.getFactory().createParser(yaml)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                checkKeys(parser, RegionSpec.class, "", origin);
            }
        } catch (IOException e) {
            // not YAML at all: readValue reports it
        }
    }

    private static void checkKeys(JsonParser parser, Class<?> type, String prefix, String origin) throws IOException {
        List<RecordComponent> components = Arrays.asList(type.getRecordComponents());
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int line = parser.currentTokenLocation().getLineNr();
            Optional<RecordComponent> component = components.stream().filter(c -> c.getName().equals(key)).findFirst();
            if (component.isEmpty()) {
                String hint = ClosestName.to(key, components.stream().map(RecordComponent::getName).toList())
                        .map(k -> " (did you mean '" + prefix + k + "'?)").orElse("");
                throw new IllegalArgumentException("unknown key '%s%s' in %s line %d%s".formatted(prefix, key, origin, line, hint));
            }
            if (parser.nextToken() == JsonToken.START_OBJECT && component.get().getType().isRecord()) {
                checkKeys(parser, component.get().getType(), prefix + key + ".", origin);
            } else {
                parser.skipChildren();
            }
        }
    }

    /** A value of the wrong form, with the form to write instead. */
    private static String badValue(InvalidFormatException e, String origin) {
        String key = e.getPath().stream().map(JsonMappingException.Reference::getFieldName).filter(Objects::nonNull)
                .collect(Collectors.joining("."));
        Class<?> type = e.getTargetType();
        String fix = type == Duration.class ? "is not an ISO-8601 duration; write one such as PT6H (6 hours) or P30D (30 days)"
                : type == ZoneId.class ? "is not an IANA time zone; use one such as America/Chicago or Europe/London"
                : type == LocalDate.class ? "is not a date; write YYYY-MM-DD"
                : "cannot be read as " + type.getSimpleName();
        return "%s in %s line %d: '%s' %s".formatted(key, origin, e.getLocation().getLineNr(), e.getValue(), fix);
    }
}
