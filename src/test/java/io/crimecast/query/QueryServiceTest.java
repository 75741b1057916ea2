package io.crimecast.query;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;
import io.crimecast.topics.TopicNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The query answers over the state the real topology keeps (TopologyTestDriver): each checked against what was sent
 * and against the records on the output topics.
 */
class QueryServiceTest {
    private static final double HALL_LAT = 39.9526, HALL_LON = -75.1652;
    private static final double NORTH_LAT = 40.0379, NORTH_LON = -75.1390;
    private static final LocalDate FIRST = LocalDate.of(2019, 1, 1);
    private static final LocalDate LAST_CLOSED = LocalDate.of(2019, 3, 10);

    @TempDir
    Path dir;
    private QueryFixture fx;
    private QueryService service;
    private Grid grid;
    private int hall;
    private int north;

    @BeforeEach
    void start() {
        grid = new Grid(Regions.load("philadelphia"));
        fx = new QueryFixture(grid, dir.resolve("state"));
        service = new QueryService(new ServedRegions(List.of(grid)));
        hall = grid.locateLatLon(HALL_LAT, HALL_LON).orElseThrow().id();
        north = grid.locateLatLon(NORTH_LAT, NORTH_LON).orElseThrow().id();
        for (LocalDate d = FIRST; !d.isAfter(LAST_CLOSED); d = d.plusDays(1)) {
            fx.send(d, HALL_LAT, HALL_LON, 3 + (int) (d.toEpochDay() % 3));
            // north heats up in the last week, so its rank moves
            fx.send(d, NORTH_LAT, NORTH_LON, d.isAfter(LAST_CLOSED.minusDays(7)) ? 6 : d.toEpochDay() % 2 == 0 ? 1 : 0);
        }
        fx.send(LAST_CLOSED.plusDays(1), HALL_LAT, HALL_LON, 1); // its time closes 03-10
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void periodsAreTheKeptForecastsNewestFirstAndTheLastClosedDay() {
        QueryService.Periods periods = service.periods(fx.state(), "philadelphia", null, null);
        assertThat(periods.layer()).isEqualTo("all");
        assertThat(periods.horizonDays()).isEqualTo(1);
        assertThat(periods.lastClosedDay()).isEqualTo(LAST_CLOSED);
        assertThat(periods.periods()).extracting(QueryService.Period::periodStart).first().isEqualTo(LAST_CLOSED.plusDays(1));
        assertThat(periods.periods()).as("the last 60 days of periods behind the latest, no more")
                .extracting(QueryService.Period::periodStart).last().isEqualTo(LAST_CLOSED.plusDays(1).minusDays(60));
        assertThat(periods.periods()).hasSize(61);
        // weekly horizons: one per Sunday closed, from the Monday
        QueryService.Periods weeks = service.periods(fx.state(), "philadelphia", "all", 7);
        assertThat(weeks.periods()).extracting(QueryService.Period::periodStart).allMatch(d -> d.getDayOfWeek().getValue() == 1)
                .contains(LocalDate.of(2019, 3, 4));
    }

    @Test
    void theLatestHotspotsAreTheTopicsLatestRecordAndTheForecastMapHasEveryCell() throws Exception {
        List<Output.Hotspots> topic = fx.written(TopicNames.DEFAULT.hotspots(), Output.Hotspots.class);
        Output.Hotspots latest = topic.stream().filter(h -> h.horizonDays() == 1).reduce((a, b) -> b).orElseThrow();
        Output.Hotspots answered = service.hotspots(fx.state(), "philadelphia", "all", 1, null);
        assertThat(JsonSerde.MAPPER.writeValueAsString(answered)).isEqualTo(JsonSerde.MAPPER.writeValueAsString(latest));

        Map<String, Object> map = service.forecastGeoJson(fx.state(), "philadelphia", null, null, null, false);
        List<Map<String, Object>> features = features(map);
        assertThat(features).as("a feature per cell of a 42-cell grid").hasSize(grid.cellCount());
        assertThat(map.get("periodStart")).isEqualTo(LAST_CLOSED.plusDays(1));
        assertThat(map.get("actualThrough")).as("the next day has not closed").isNull();
        Map<String, Object> hallProps = props(features, hall);
        assertThat(hallProps.get("rank")).isEqualTo(latest.cells().stream().filter(c -> c.cell() == hall).findFirst().orElseThrow().rank());
        assertThat((double) hallProps.get("expected")).as("the 28-day mean of what was sent")
                .isCloseTo(fx.sent(hall, LAST_CLOSED.minusDays(27), LAST_CLOSED) / 28.0, within(1e-9));
        List<Map<String, Object>> flagged = features(service.forecastGeoJson(fx.state(), "philadelphia", null, null, null, true));
        assertThat(flagged.stream().map(f -> (Object) ((Map<?, ?>) f.get("properties")).get("cell")).toList())
                .containsExactlyInAnyOrderElementsOf(latest.cells().stream().map(c -> (Object) c.cell()).toList());
    }

    @Test
    void aPastDayShowsWhatHappenedBesideWhatWasForecast() {
        LocalDate day = LAST_CLOSED.minusDays(3);
        Map<String, Object> map = service.forecastGeoJson(fx.state(), "philadelphia", "all", 1, day, false);
        assertThat(map.get("actualThrough")).isEqualTo(day);
        assertThat(props(features(map), hall).get("actual")).isEqualTo(fx.sent(hall, day, day));
        assertThat(props(features(map), north).get("actual")).isEqualTo(6);
        assertThatThrownBy(() -> service.forecastGeoJson(fx.state(), "philadelphia", "all", 1, LocalDate.of(2018, 1, 1), false))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void aCellsHistoryIsItsCountsBesideItsNextDayForecasts() {
        QueryService.CellHistory h = service.history(fx.state(), "philadelphia", Integer.toString(north), null, 10);
        assertThat(h.days()).extracting(QueryService.HistoryDay::date).first().isEqualTo(LAST_CLOSED.minusDays(9));
        assertThat(h.days()).hasSize(11);
        QueryService.HistoryDay open = h.days().get(10);
        assertThat(open.date()).isEqualTo(LAST_CLOSED.plusDays(1));
        assertThat(open.count()).as("still open").isNull();
        for (QueryService.HistoryDay d : h.days().subList(0, 10)) {
            assertThat(d.count()).as(d.date().toString()).isEqualTo(fx.sent(north, d.date(), d.date()));
            assertThat(d.expected()).as("the forecast made the day before")
                    .isCloseTo(fx.sent(north, d.date().minusDays(28), d.date().minusDays(1)) / 28.0, within(1e-9));
        }
        assertThat(h.cell().lat()).isCloseTo(NORTH_LAT, within(0.05));
    }

    @Test
    void whyFlaggedGivesTheWindowsTheCityRateTheNeighboursAndTheRankMove() {
        List<Output.Hotspots> topic = fx.written(TopicNames.DEFAULT.hotspots(), Output.Hotspots.class).stream()
                .filter(h -> h.horizonDays() == 1).toList();
        Output.Hotspots latest = topic.get(topic.size() - 1), before = topic.get(topic.size() - 2);
        List<Evidence> all = service.whyFlagged(fx.state(), "philadelphia", null, null, null);
        assertThat(all).extracting(Evidence::cell).containsExactlyElementsOf(latest.cells().stream().map(Output.RankedCell::cell).toList());

        Evidence e = service.why(fx.state(), "philadelphia", Integer.toString(north), "all", 1, null);
        assertThat(e.asOf()).isEqualTo(LAST_CLOSED);
        int studyCells = (int) IntStream.range(0, grid.cellCount()).filter(grid::touchesBox).count();
        int[] days = {7, 28, 365};
        for (int w = 0; w < 3; w++) {
            Evidence.Window window = e.windows().get(w);
            LocalDate from = LAST_CLOSED.minusDays(days[w] - 1L);
            assertThat(window.count()).isEqualTo(fx.sent(north, from, LAST_CLOSED));
            assertThat(window.cityMeanPerCell()).isCloseTo(fx.sentEverywhere(from, LAST_CLOSED) / (double) studyCells, within(1e-3));
        }
        assertThat(e.windows().get(2).daysCovered()).as("history since 01-01 only").isEqualTo((int) (LAST_CLOSED.toEpochDay() - FIRST.toEpochDay() + 1));
        assertThat(e.windows().get(0).count()).isEqualTo(42);
        assertThat(e.neighbours()).hasSize(8).allMatch(n -> n.cell() != north);
        int[] hood = grid.neighbourhood(north);
        boolean hallNextDoor = IntStream.of(hood).anyMatch(c -> c == hall);
        assertThat(e.neighbours().stream().mapToInt(Evidence.Neighbour::lastWeek).sum())
                .isEqualTo(hallNextDoor ? fx.sent(hall, LAST_CLOSED.minusDays(6), LAST_CLOSED) : 0);
        Integer rank = latest.cells().stream().filter(c -> c.cell() == north).map(Output.RankedCell::rank).findFirst().orElse(null);
        Integer was = before.cells().stream().filter(c -> c.cell() == north).map(Output.RankedCell::rank).findFirst().orElse(null);
        assertThat(e.rank()).isEqualTo(rank).isNotNull();
        assertThat(e.previousRank()).isEqualTo(was);
        assertThat(e.previousPeriodStart()).isEqualTo(LAST_CLOSED);
        assertThat(e.summary()).hasSize(6).first().asString().startsWith("Ranked #" + rank + " of " + latest.flaggedCells() + " flagged");
    }

    @Test
    void aProvisionalForecastLeavesTheLastClosedDayAndTheEvidenceOnClosedDays() {
        // 01:00 on 03-12: 03-11 has ended (its provisional forecast for 03-12 goes out) but closes only at 06:00
        fx.sendAt(LAST_CLOSED.plusDays(2) + "T01:00:00-05:00", HALL_LAT, HALL_LON);
        QueryService.Periods periods = service.periods(fx.state(), "philadelphia", null, null);
        assertThat(periods.periods().get(0).periodStart()).isEqualTo(LAST_CLOSED.plusDays(2));
        assertThat(periods.periods().get(0).status()).isEqualTo(Output.Status.PROVISIONAL);
        assertThat(periods.periods().get(1).status()).isEqualTo(Output.Status.FINAL);
        assertThat(periods.lastClosedDay()).isEqualTo(LAST_CLOSED);
        QueryService.CellHistory h = service.history(fx.state(), "philadelphia", Integer.toString(hall), null, 3);
        assertThat(h.days()).extracting(QueryService.HistoryDay::date).containsExactly(LAST_CLOSED.minusDays(2), LAST_CLOSED.minusDays(1),
                LAST_CLOSED, LAST_CLOSED.plusDays(1), LAST_CLOSED.plusDays(2));
        assertThat(h.days().get(3).count()).as("03-11 has not closed").isNull();
        Evidence e = service.why(fx.state(), "philadelphia", Integer.toString(hall), null, null, null);
        assertThat(e.status()).isEqualTo(Output.Status.PROVISIONAL);
        assertThat(e.asOf()).isEqualTo(LAST_CLOSED);
        assertThat(e.windows().get(0).count()).isEqualTo(fx.sent(hall, LAST_CLOSED.minusDays(6), LAST_CLOSED));
        assertThat(e.summary()).anyMatch(l -> l.startsWith("Provisional: "));
    }

    @Test
    void aLateIncidentCorrectsTheCountAndTheDaysTotal() {
        LocalDate day = LAST_CLOSED.minusDays(2);
        int before = service.history(fx.state(), "philadelphia", Integer.toString(hall), null, 5).days().get(2).count();
        fx.send(day, HALL_LAT, HALL_LON, 2);
        QueryService.HistoryDay after = service.history(fx.state(), "philadelphia", Integer.toString(hall), null, 5).days().get(2);
        assertThat(after.date()).isEqualTo(day);
        assertThat(after.count()).isEqualTo(before + 2);
        Evidence e = service.why(fx.state(), "philadelphia", Integer.toString(hall), null, null, null);
        int studyCells = (int) IntStream.range(0, grid.cellCount()).filter(grid::touchesBox).count();
        assertThat(e.windows().get(0).cityMeanPerCell()).isCloseTo(fx.sentEverywhere(LAST_CLOSED.minusDays(6), LAST_CLOSED) / (double) studyCells, within(1e-3));
    }

    @Test
    void countsOlderThanAYearAndPeriodsOlderThan60DaysArePruned() {
        try (QueryFixture year = new QueryFixture(grid, dir.resolve("state-year"))) {
            LocalDate first = LocalDate.of(2018, 1, 1), last = LocalDate.of(2019, 2, 10);
            for (LocalDate d = first; !d.isAfter(last.plusDays(1)); d = d.plusDays(1)) {
                year.send(d, HALL_LAT, HALL_LON, 1);
            }
            StateReader state = year.state();
            LocalDate latestPeriod = last.plusDays(1);
            assertThat(state.firstCountedDay("philadelphia", "all")).contains(latestPeriod.minusDays(366));
            assertThat(state.periods("philadelphia", "all", 1)).extracting(Output.Hotspots::periodStart).first().isEqualTo(latestPeriod.minusDays(60));
            assertThat(state.periods("philadelphia", "all", 7)).extracting(Output.Hotspots::periodStart)
                    .allMatch(d -> !d.isBefore(latestPeriod.minusDays(60))).isNotEmpty();
            assertThat(state.scores("philadelphia", "all", 1, latestPeriod.minusDays(61))).isEmpty();
            assertThat(state.scores("philadelphia", "all", 1, latestPeriod.minusDays(60))).hasSize(42);
            Evidence e = service.why(state, "philadelphia", Integer.toString(hall), null, null, null);
            assertThat(e.windows().get(2).count()).as("a whole year of one a day").isEqualTo(365);
            assertThat(e.windows().get(2).daysCovered()).isEqualTo(365);
        }
    }

    @Test
    void theCellAtAPointAndBadRequests() {
        QueryService.CellInfo c = service.cellAt("philadelphia", HALL_LAT, HALL_LON);
        assertThat(c.cell()).isEqualTo(hall);
        assertThat(c.corners().length).isEqualTo(5);
        assertThat(status(() -> service.cellAt("philadelphia", 10, 10))).isEqualTo(404);
        assertThat(status(() -> service.periods(fx.state(), "gotham", null, null))).isEqualTo(404);
        assertThat(status(() -> service.periods(fx.state(), "philadelphia", "burglary", null))).isEqualTo(400);
        assertThat(status(() -> service.periods(fx.state(), "philadelphia", null, 3))).isEqualTo(400);
        assertThat(status(() -> service.history(fx.state(), "philadelphia", "42", null, null))).isEqualTo(404);
        assertThat(status(() -> service.history(fx.state(), "philadelphia", "x", null, null))).isEqualTo(400);
        assertThat(status(() -> service.why(fx.state(), "philadelphia", "1", null, 7, LocalDate.of(2019, 3, 5)))).as("not a Monday").isEqualTo(404);
    }

    @Test
    void regionsListLayersHorizonsAndTheOutline() {
        QueryService.RegionInfo r = service.regionList().get(0);
        assertThat(r.region()).isEqualTo("philadelphia");
        assertThat(r.layers()).containsExactly("all");
        assertThat(r.horizons()).containsExactly(1, 7, 14, 31, 61, 92);
        assertThat(r.cells()).isEqualTo(42);
        assertThat(r.outline()).hasSize(1);
        double[][] box = r.outline().get(0);
        assertThat(box[0]).containsExactly(box[box.length - 1]);
        assertThat(r.studyCells()).isEqualTo(grid.studyCellCount());
        assertThat(List.of(box)).allSatisfy(p -> {
            assertThat(p[0]).isBetween(-75.2804, -74.9556);
            assertThat(p[1]).isBetween(39.8669, 40.1380);
        });
    }

    private static int status(Runnable r) {
        try {
            r.run();
        } catch (QueryException e) {
            return e.status();
        }
        return 200;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> features(Map<String, Object> geoJson) {
        return (List<Map<String, Object>>) geoJson.get("features");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> props(List<Map<String, Object>> features, int cell) {
        return features.stream().map(f -> (Map<String, Object>) f.get("properties")).filter(p -> p.get("cell").equals(cell))
                .min(Comparator.comparing(p -> 0)).orElseThrow();
    }
}
