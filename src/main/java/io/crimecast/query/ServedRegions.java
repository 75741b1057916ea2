package io.crimecast.query;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Layer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The regions an instance serves, by name, with what requests about them may ask for. */
final class ServedRegions {
    private final Map<String, Grid> grids = new LinkedHashMap<>();

    ServedRegions(List<Grid> grids) {
        grids.forEach(g -> this.grids.put(g.region(), g));
    }

    List<Grid> all() {
        return List.copyOf(grids.values());
    }

    boolean serves(String region) {
        return grids.containsKey(region);
    }

    Grid grid(String region) {
        Grid g = grids.get(region);
        if (g == null) {
            throw QueryException.notFound("no region '" + region + "'; regions: " + String.join(", ", grids.keySet()));
        }
        return g;
    }

    /** The layer asked for, by default {@code all} (or the region's first layer when it has no {@code all}). */
    static String layer(Grid grid, String asked) {
        List<String> names = grid.spec().layers().stream().map(Layer::name).toList();
        if (asked == null) {
            return names.contains(Layer.ALL.name()) ? Layer.ALL.name() : names.get(0);
        }
        if (!names.contains(asked)) {
            throw QueryException.badRequest("unknown layer '" + asked + "' for region " + grid.region() + "; layers: " + String.join(", ", names));
        }
        return asked;
    }

    /** The next day (1) and the region's longer horizons. */
    static List<Integer> horizons(Grid grid) {
        return Stream.concat(Stream.of(1), grid.spec().horizons().stream()).distinct().toList();
    }

    static int horizon(Grid grid, Integer asked) {
        int h = asked == null ? 1 : asked;
        if (!horizons(grid).contains(h)) {
            throw QueryException.badRequest("horizon " + h + " is not forecast for region " + grid.region() + "; horizons: " + horizons(grid));
        }
        return h;
    }

    static int cell(Grid grid, String asked) {
        try {
            int c = Integer.parseInt(asked);
            if (c >= 0 && c < grid.cellCount()) {
                return c;
            }
        } catch (NumberFormatException e) {
            throw QueryException.badRequest("cell must be a whole number, was '" + asked + "'");
        }
        throw QueryException.notFound("no cell " + asked + " in region " + grid.region() + " (cells 0.." + (grid.cellCount() - 1) + ")");
    }

    /** The cells of the study area, which a city-wide rate per cell divides by. */
    int studyCells(Grid grid) {
        return grid.studyCellCount();
    }
}
