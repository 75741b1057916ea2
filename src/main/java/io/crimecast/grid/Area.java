package io.crimecast.grid;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An area as people write it ("0.25 sq mi", "1 km²", "160 acres"), in square metres. */
public record Area(double squareMetres) {
    public static final double SQUARE_METRES_PER_SQUARE_MILE = 2_589_988.110336;
    public static final double SQUARE_METRES_PER_SQUARE_KM = 1e6;

    private static final Pattern TEXT = Pattern.compile("\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*(.+?)\\s*");
    private static final Map<String, Double> UNITS = Map.ofEntries(
            Map.entry("sqmi", SQUARE_METRES_PER_SQUARE_MILE), Map.entry("mi2", SQUARE_METRES_PER_SQUARE_MILE),
            Map.entry("mi²", SQUARE_METRES_PER_SQUARE_MILE), Map.entry("km2", SQUARE_METRES_PER_SQUARE_KM),
            Map.entry("km²", SQUARE_METRES_PER_SQUARE_KM), Map.entry("sqkm", SQUARE_METRES_PER_SQUARE_KM),
            Map.entry("m2", 1.0), Map.entry("m²", 1.0), Map.entry("sqm", 1.0),
            Map.entry("sqft", 0.09290304), Map.entry("ft2", 0.09290304), Map.entry("ft²", 0.09290304),
            Map.entry("acre", 4046.8564224), Map.entry("acres", 4046.8564224), Map.entry("ha", 1e4), Map.entry("hectares", 1e4));

    public Area {
        if (!(squareMetres > 0) || Double.isInfinite(squareMetres)) {
            throw new IllegalArgumentException("an area must be positive, was " + squareMetres + " m²");
        }
    }

    /** "0.25 sq mi", "0.25sqmi", "1 km2", "500 m²", "10000 sq ft", "160 acres", "2 ha". */
    public static Area parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        Double perUnit = m.matches() ? UNITS.get(m.group(2).toLowerCase(Locale.ROOT).replace(" ", "").replace(".", "")) : null;
        if (perUnit == null) {
            throw new IllegalArgumentException("cannot read the area '" + text + "': write a number and a unit, e.g. 0.25 sq mi, 1 km², 500 m²,"
                    + " 10000 sq ft, 160 acres or 2 ha");
        }
        return new Area(Double.parseDouble(m.group(1)) * perUnit);
    }

    public double squareKm() {
        return squareMetres / SQUARE_METRES_PER_SQUARE_KM;
    }

    public double squareMiles() {
        return squareMetres / SQUARE_METRES_PER_SQUARE_MILE;
    }

    @Override
    public String toString() {
        return "%.3f km² (%.3f sq mi)".formatted(squareKm(), squareMiles());
    }
}
