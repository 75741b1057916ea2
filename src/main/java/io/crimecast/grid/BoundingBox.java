package io.crimecast.grid;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An axis-aligned box in a region's coordinate reference system, in that CRS's units. */
public record BoundingBox(double minX, double minY, double maxX, double maxY) {
    public BoundingBox {
        if (!(Double.isFinite(minX) && Double.isFinite(minY) && Double.isFinite(maxX) && Double.isFinite(maxY))) {
            throw new IllegalArgumentException("bbox: minX, minY, maxX and maxY must all be finite numbers");
        }
        if (minX >= maxX || minY >= maxY) {
            throw new IllegalArgumentException("bbox: min must be below max (minX=%s maxX=%s minY=%s maxY=%s)"
                    .formatted(minX, maxX, minY, maxY));
        }
    }

    public boolean contains(double x, double y) {
        return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }

    /** As a region file writes it. */
    @Override
    public String toString() {
        return "{minX: %s, minY: %s, maxX: %s, maxY: %s}".formatted(plain(minX), plain(minY), plain(maxX), plain(maxY));
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
