package io.crimecast.query;

import io.crimecast.grid.Cell;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Layer;
import io.crimecast.stream.QueryableState;
import io.crimecast.topics.Output;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answers of the query API, from the configured grids and a region's {@link StateReader}. Request checks are
 * here, so that a bad parameter is a 400 whichever instance is asked. One method per endpoint, which makes it longer
 * than most classes; each is short.
 */
final class QueryService {
    static final int DEFAULT_HISTORY_DAYS = 60;

    private final ServedRegions regions;

    QueryService(ServedRegions regions) {
        this.regions = regions;
    }

    ServedRegions regions() {
        return regions;
    }

    record RegionInfo(String region, String timeZone, List<String> layers, List<Integer> horizons, double cellSizeMeters, int rows,
                      int cols, int cells, int studyCells, String hotspotRule, List<double[][]> outline) {
    }

    List<RegionInfo> regionList() {
        return regions.all().stream().map(g -> new RegionInfo(g.region(), g.spec().timeZone().getId(),
                g.spec().layers().stream().map(Layer::name).toList(), ServedRegions.horizons(g), g.spec().cellSizeMeters(), g.rows(), g.cols(),
                g.cellCount(), g.studyCellCount(), g.spec().hotspot().toString(),
                g.studyOutlineLonLat().stream().map(QueryService::rounded).toList())).toList();
    }

    record CellInfo(String region, int cell, int row, int col, double lat, double lon, double[][] corners) {
    }

    CellInfo cellAt(String region, double lat, double lon) {
        Grid grid = regions.grid(region);
        Cell cell = grid.locateLatLon(lat, lon).orElseThrow(() -> QueryException.notFound(
                "%s, %s is outside region %s's box".formatted(lat, lon, region)));
        return cellInfo(grid, cell.id());
    }

    private static CellInfo cellInfo(Grid grid, int cell) {
        double[] centre = grid.centreLatLon(cell);
        return new CellInfo(grid.region(), cell, grid.cell(cell).row(), grid.cell(cell).col(), round(centre[0]), round(centre[1]),
                rounded(grid.cornersLonLat(cell)));
    }

    record Period(LocalDate periodStart, LocalDate periodEnd, Output.Status status, String modelVersion, Instant generatedAt, int flaggedCells) {
    }

    record Periods(String region, String layer, int horizonDays, LocalDate lastClosedDay, List<Period> periods) {
    }

    /** The kept forecasts of a layer and horizon, newest first, and the last day that closed. */
    Periods periods(StateReader state, String region, String layer, Integer horizon) {
        Grid grid = regions.grid(region);
        String l = ServedRegions.layer(grid, layer);
        int h = ServedRegions.horizon(grid, horizon);
        List<Period> out = new ArrayList<>();
        for (Output.Hotspots p : state.periods(region, l, h)) {
            out.add(0, new Period(p.periodStart(), p.periodEnd(), p.status(), p.modelVersion(), p.generatedAt(), p.flaggedCells()));
        }
        return new Periods(region, l, h, lastClosedDay(state, region, l).orElse(null), out);
    }

    /**
     * The last day that closed: the day before the latest final next-day forecast (a provisional one goes out at
     * midnight, before the day it follows has closed).
     */
    private static Optional<LocalDate> lastClosedDay(StateReader state, String region, String layer) {
        return state.periods(region, layer, 1).stream().filter(p -> p.status() != Output.Status.PROVISIONAL)
                .map(p -> p.periodStart().minusDays(1)).reduce((a, b) -> b);
    }

    /** The hotspots record of a period (default the latest), as written to the hotspots topic. */
    Output.Hotspots hotspots(StateReader state, String region, String layer, Integer horizon, LocalDate period) {
        Grid grid = regions.grid(region);
        return forecastOf(state, grid, ServedRegions.layer(grid, layer), ServedRegions.horizon(grid, horizon), period);
    }

    private static Output.Hotspots forecastOf(StateReader state, Grid grid, String layer, int horizon, LocalDate period) {
        if (period != null) {
            return state.hotspots(grid.region(), layer, horizon, period).orElseThrow(() -> QueryException.notFound(
                    "no %s/%s/%dd forecast for the period from %s is kept (see /periods)".formatted(grid.region(), layer, horizon, period)));
        }
        List<Output.Hotspots> all = state.periods(grid.region(), layer, horizon);
        if (all.isEmpty()) {
            throw QueryException.notFound("no %s/%s/%dd forecast yet: the first comes when a day closes (long horizons: a Sunday)"
                    .formatted(grid.region(), layer, horizon));
        }
        return all.get(all.size() - 1);
    }

    /**
     * A forecast as an RFC 7946 FeatureCollection: a polygon per cell with a record (every cell on grids up to
     * 10,000 cells), or the flagged ones only; with {@code actual}, what happened over the period's closed days.
     */
    Map<String, Object> forecastGeoJson(StateReader state, String region, String layer, Integer horizon, LocalDate period, boolean flaggedOnly) {
        Grid grid = regions.grid(region);
        String l = ServedRegions.layer(grid, layer);
        int h = ServedRegions.horizon(grid, horizon);
        Output.Hotspots forecast = forecastOf(state, grid, l, h, period);
        Map<Integer, Integer> ranks = new HashMap<>();
        forecast.cells().forEach(c -> ranks.put(c.cell(), c.rank()));
        LocalDate actualThrough = lastClosedDay(state, region, l).filter(d -> !d.isBefore(forecast.periodStart()))
                .map(d -> d.isAfter(forecast.periodEnd()) ? forecast.periodEnd() : d).orElse(null);
        Map<Integer, Integer> actual = new HashMap<>();
        if (actualThrough != null) {
            state.counts(region, l, forecast.periodStart(), actualThrough, (date, cell, count) -> {
                if (cell >= 0) {
                    actual.merge(cell, count, Integer::sum);
                }
            });
        }
        List<Map<String, Object>> features = new ArrayList<>();
        state.scores(region, l, h, forecast.periodStart()).forEach((cell, score) -> {
            if (flaggedOnly && !score.hotspot()) {
                return;
            }
            Map<String, Object> props = new LinkedHashMap<>();
            CellInfo info = cellInfo(grid, cell);
            props.put("cell", cell);
            props.put("row", info.row());
            props.put("col", info.col());
            props.put("lat", info.lat());
            props.put("lon", info.lon());
            props.put("expected", score.expected());
            props.put("bin", score.bin());
            props.put("hotspotProbability", score.hotspotProbability());
            props.put("hotspot", score.hotspot());
            props.put("rank", ranks.get(cell));
            props.put("actual", actualThrough == null ? null : actual.getOrDefault(cell, 0));
            features.add(Map.of("type", "Feature", "geometry", Map.of("type", "Polygon", "coordinates", new double[][][]{info.corners()}),
                    "properties", props));
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "FeatureCollection");
        out.put("region", region);
        out.put("layer", l);
        out.put("horizonDays", h);
        out.put("periodStart", forecast.periodStart());
        out.put("periodEnd", forecast.periodEnd());
        out.put("modelVersion", forecast.modelVersion());
        out.put("generatedAt", forecast.generatedAt());
        out.put("status", forecast.status());
        out.put("rule", forecast.rule());
        out.put("flaggedCells", forecast.flaggedCells());
        out.put("flaggedAreaKm2", forecast.flaggedAreaKm2());
        out.put("flaggedAreaSqMi", forecast.flaggedAreaSqMi());
        out.put("actualThrough", actualThrough);
        out.put("features", features);
        return out;
    }

    record HistoryDay(LocalDate date, Integer count, Double expected, Boolean hotspot) {
    }

    record CellHistory(String region, String layer, CellInfo cell, LocalDate lastClosedDay, List<HistoryDay> days) {
    }

    /**
     * A cell's daily counts over the last {@code days} closed days beside the next-day forecast made for each (null
     * where none is kept), then the days not closed yet up to the latest forecast, their counts null.
     */
    CellHistory history(StateReader state, String region, String cellId, String layer, Integer days) {
        Grid grid = regions.grid(region);
        int cell = ServedRegions.cell(grid, cellId);
        String l = ServedRegions.layer(grid, layer);
        int n = days == null ? DEFAULT_HISTORY_DAYS : days;
        List<HistoryDay> out = new ArrayList<>();
        Optional<LocalDate> last = lastClosedDay(state, region, l);
        List<Output.Hotspots> daily = state.periods(region, l, 1);
        if (last.isPresent()) {
            LocalDate first = state.firstCountedDay(region, l).orElse(last.get().plusDays(1));
            LocalDate from = last.get().minusDays(n - 1L);
            LocalDate to = daily.get(daily.size() - 1).periodStart();
            for (LocalDate d = from.isBefore(first) ? first : from; !d.isAfter(to); d = d.plusDays(1)) {
                Optional<QueryableState.CellScore> f = state.score(region, l, 1, d, cell);
                out.add(new HistoryDay(d, d.isAfter(last.get()) ? null : state.count(region, l, d, cell),
                        f.map(QueryableState.CellScore::expected).orElse(null), f.map(QueryableState.CellScore::hotspot).orElse(null)));
            }
        }
        return new CellHistory(region, l, cellInfo(grid, cell), last.orElse(null), out);
    }

    /** Why one cell is (or is not) flagged in a forecast (default the latest). */
    Evidence why(StateReader state, String region, String cellId, String layer, Integer horizon, LocalDate period) {
        Grid grid = regions.grid(region);
        int cell = ServedRegions.cell(grid, cellId);
        String l = ServedRegions.layer(grid, layer);
        int h = ServedRegions.horizon(grid, horizon);
        Output.Hotspots forecast = forecastOf(state, grid, l, h, period);
        Evidence.WindowSums sums = Evidence.WindowSums.read(state, region, l, asOf(state, region, l, forecast));
        return Evidence.of(grid, regions.studyCells(grid), l, forecast, previous(state, region, l, h, forecast),
                state.score(region, l, h, forecast.periodStart(), cell).orElse(null), cell, sums);
    }

    /** Why each listed cell of a forecast (default the latest) is flagged, best first. */
    List<Evidence> whyFlagged(StateReader state, String region, String layer, Integer horizon, LocalDate period) {
        Grid grid = regions.grid(region);
        String l = ServedRegions.layer(grid, layer);
        int h = ServedRegions.horizon(grid, horizon);
        Output.Hotspots forecast = forecastOf(state, grid, l, h, period);
        Evidence.WindowSums sums = Evidence.WindowSums.read(state, region, l, asOf(state, region, l, forecast));
        Output.Hotspots previous = previous(state, region, l, h, forecast);
        int studyCells = regions.studyCells(grid);
        return forecast.cells().stream().map(c -> Evidence.of(grid, studyCells, l, forecast, previous,
                state.score(region, l, h, forecast.periodStart(), c.cell()).orElse(null), c.cell(), sums)).toList();
    }

    /**
     * The last day whose counts the evidence reads: the day before the period, or for a provisional forecast (made
     * from the counts of a day not closed yet) the last closed day.
     */
    private static LocalDate asOf(StateReader state, String region, String layer, Output.Hotspots forecast) {
        LocalDate before = forecast.periodStart().minusDays(1);
        return lastClosedDay(state, region, layer).filter(d -> d.isBefore(before)).orElse(before);
    }

    /** The kept forecast of the same layer and horizon just before this one. */
    private static Output.Hotspots previous(StateReader state, String region, String layer, int horizon, Output.Hotspots forecast) {
        Output.Hotspots before = null;
        for (Output.Hotspots p : state.periods(region, layer, horizon)) {
            if (p.periodStart().isBefore(forecast.periodStart())) {
                before = p;
            }
        }
        return before;
    }

    private static double[][] rounded(double[][] ring) {
        double[][] out = new double[ring.length][];
        for (int i = 0; i < ring.length; i++) {
            out[i] = new double[]{round(ring[i][0]), round(ring[i][1])};
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
