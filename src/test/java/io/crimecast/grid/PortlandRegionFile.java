package io.crimecast.grid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A region file over the bundled Portland calls' box (EPSG:2913) at another cell size, with optional layers. */
public final class PortlandRegionFile {
    private PortlandRegionFile() {
    }

    /** @param layers the region file's layer lines, e.g. {@code "  - {name: burglary, categories: [BURGLARY]}"}; none: the default layer */
    public static Path write(Path dir, int cellSizeMeters, String... layers) throws IOException {
        StringBuilder yaml = new StringBuilder("""
                name: portland
                crs: EPSG:2913
                bbox: {minX: 7595000, minY: 647000, maxX: 7717000, maxY: 753000}
                cellSizeMeters: %d
                timeZone: America/Los_Angeles
                grace: PT6H
                hotspot: {topPercent: 5}
                """.formatted(cellSizeMeters));
        if (layers.length > 0) {
            yaml.append("layers:\n");
            for (String layer : layers) {
                yaml.append(layer).append('\n');
            }
        }
        return Files.writeString(dir.resolve("portland-" + cellSizeMeters + "m.yaml"), yaml);
    }
}
