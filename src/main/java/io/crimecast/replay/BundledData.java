package io.crimecast.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The compact slices of real data shipped in the jar for the demo: Philadelphia 2019-2021 (OpenDataPhilly, five
 * columns kept) and Portland 2012-2017 (NIJ challenge categories). See src/main/resources/data/SOURCE.md.
 */
public record BundledData(String resource, IncidentFormat format) {
    private static final Map<String, BundledData> BY_REGION = Map.of(
            "philadelphia", new BundledData("/data/philadelphia-2019-2021.csv.gz", IncidentFormat.PHILADELPHIA),
            "portland", new BundledData("/data/portland-2012-2017.csv.gz", IncidentFormat.PORTLAND_NIJ));

    public static BundledData forRegion(String region) {
        BundledData data = BY_REGION.get(region);
        if (data == null) {
            throw new IllegalArgumentException("no bundled data for region '" + region + "'; bundled: " + BY_REGION.keySet());
        }
        return data;
    }

    /** Copies the slice into {@code dir} (the readers take files) and returns its path. */
    public Path copyTo(Path dir) {
        Path target = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (InputStream in = BundledData.class.getResourceAsStream(resource)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + resource, e);
        }
    }
}
