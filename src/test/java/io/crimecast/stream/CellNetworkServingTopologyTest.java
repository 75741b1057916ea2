package io.crimecast.stream;

import io.crimecast.grid.PortlandRegionFile;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.model.BundleException;
import io.crimecast.model.BundleMetadata;
import io.crimecast.model.CellFeatures;
import io.crimecast.model.CellNetwork;
import io.crimecast.model.CellNetworkForecaster;
import io.crimecast.model.DayHistory;
import io.crimecast.model.ModelBundle;
import io.crimecast.model.MovingAverageForecaster;
import io.crimecast.model.TrailingRate;
import io.crimecast.ops.CrimecastMetrics;
import io.crimecast.replay.BundledData;
import io.crimecast.replay.ColumnMapping;
import io.crimecast.replay.IncidentFileReader;
import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;
import io.crimecast.topics.TopicNames;
import io.crimecast.train.CellNetworkTrainer;
import io.crimecast.train.CountMatrix;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * A per-cell network trained on Portland's calls (bundled, 2 km cells) and published for a layer takes over its
 * longer periods at the next Sunday close: the stream's forecasts are then those the network gives offline from the
 * whole history, although the stream keeps only about a year of days and the totals of the days it pruned.
 */
class CellNetworkServingTopologyTest {
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final LocalDate FIRST = LocalDate.of(2015, 1, 5); // a Monday
    /** The Sunday 420 days in: the stream has pruned the first days (it keeps 400) by then. */
    private static final LocalDate BEFORE_PUBLISHING = FIRST.plusDays(419);
    private static final LocalDate AFTER_PUBLISHING = BEFORE_PUBLISHING.plusDays(7);

    @TempDir
    static Path shared;
    private static Grid grid;
    private static ModelBundle bundle;
    private static CellNetworkTrainer.Result trained;

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> incidents;
    private TestInputTopic<String, byte[]> weights;
    private TestOutputTopic<String, Output.CellForecast> forecasts;
    private SimpleMeterRegistry meters;
    private int[] cells;

    @BeforeAll
    static void trainOnPortland() throws Exception {
        grid = new Grid(Regions.load(PortlandRegionFile.write(shared, 2000).toString()));
        Path data = BundledData.forRegion("portland").copyTo(shared);
        CountMatrix matrix = CountMatrix.fromIncidents(grid, new IncidentFileReader(grid.spec(), ColumnMapping.PORTLAND_NIJ)
                .read(List.of(data)).incidents());
        trained = CellNetworkTrainer.train(matrix, "all", CellNetwork.Settings.defaults().withMaxEpochs(3), Instant.now());
        bundle = trained.bundle();
    }

    @BeforeEach
    void start() {
        meters = new SimpleMeterRegistry();
        CrimecastMetrics metrics = new CrimecastMetrics(meters);
        var topology = CrimecastTopology.build(List.of(grid), TopicNames.DEFAULT,
                ForecasterFactory.serving(new MovingAverageForecaster(28), null, metrics), metrics, Duration.ofMinutes(1));
        Properties props = DriverProperties.of("cell-network-test", stateDir);
        driver = new TopologyTestDriver(topology, props, Instant.parse("2026-11-25T12:00:00Z"));
        incidents = driver.createInputTopic(TopicNames.DEFAULT.incidents(), new ByteArraySerializer(), new ByteArraySerializer());
        weights = driver.createInputTopic(TopicNames.DEFAULT.modelWeights(), new StringSerializer(), new ByteArraySerializer());
        forecasts = driver.createOutputTopic(TopicNames.DEFAULT.forecasts(), new StringDeserializer(),
                new JsonSerde<>(Output.CellForecast.class).deserializer());
        int middle = grid.rows() / 2 * grid.cols() + grid.cols() / 2;
        cells = new int[]{middle, middle + 2, middle + 2 * grid.cols(), middle - 3};
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aPublishedCellNetworkForecastsTheLongerPeriodsFromTheStreamsHistory() {
        assertThat(bundle.metadata().extra().get("horizons")).isEqualTo(List.of(7, 14, 31, 61, 92));
        int[][] days = new int[(int) (AFTER_PUBLISHING.toEpochDay() - FIRST.toEpochDay()) + 1][grid.cellCount()];
        sendDays(FIRST, BEFORE_PUBLISHING, days);
        closeSunday(BEFORE_PUBLISHING, days);
        List<Output.CellForecast> baseline = periodForecasts(BEFORE_PUBLISHING);
        assertThat(baseline).extracting(Output.CellForecast::modelVersion).containsOnly(TrailingRate.YEAR.version());
        assertThat(inUse("periods", TrailingRate.YEAR.version())).isTrue();

        weights.pipeInput(bundle.key(), bundle.toBytes());
        sendDays(BEFORE_PUBLISHING.plusDays(1), AFTER_PUBLISHING, days);
        closeSunday(AFTER_PUBLISHING, days);
        List<Output.CellForecast> served = periodForecasts(AFTER_PUBLISHING);
        assertThat(served).extracting(Output.CellForecast::modelVersion).containsOnly(bundle.metadata().version());
        assertThat(served).extracting(Output.CellForecast::horizonDays).containsOnly(7, 14, 31, 61, 92);
        assertThat(inUse("periods", bundle.metadata().version())).isTrue();
        assertThat(inUse("periods", TrailingRate.YEAR.version())).as("the baseline's series goes away").isFalse();
        assertThat(inUse("next-day", "baseline-mean28")).as("the next day stays with its own model").isTrue();

        // what the network gives offline from the whole history, day 0 on
        CellNetwork network = ((CellNetworkForecaster) bundle.toPeriodForecaster(grid)).network();
        CellFeatures whole = CellFeatures.at(grid, days, FIRST, days.length);
        int[][] lastYear = Arrays.copyOfRange(days, days.length - CellNetwork.HISTORY_DAYS, days.length);
        CellFeatures lastYearOnly = CellFeatures.at(grid, new DayHistory(AFTER_PUBLISHING, lastYear));
        TrailingRate year = TrailingRate.YEAR;
        for (int h : new int[]{7, 92}) {
            double[] streamed = expected(served, h);
            double[] offline = network.expected(whole, h);
            for (int c = 0; c < offline.length; c++) {
                assertThat(streamed[c]).as("cell %d over %d days", c, h).isCloseTo(offline[c], within(1e-9 + 1e-9 * offline[c]));
            }
            assertThat(streamed).as("the days the stream pruned count, through its totals").isNotEqualTo(network.expected(lastYearOnly, h));
            double[] trailing = year.expected(lastYear, grid.cellCount(), h);
            assertThat(streamed).as("not the baseline's map").isNotEqualTo(trailing);
            assertThat(Arrays.equals(flagged(served, h), grid.flagHotspots(trailing))).as("nor its flags").isFalse();
        }
    }

    /** The bundle carries the blend validation chose; one made before the blend existed is refused, not served as the network alone. */
    @Test
    void theBundleCarriesItsBlendAndOneWithoutIsRefused() {
        assertThat(((CellNetworkForecaster) bundle.toPeriodForecaster(grid)).network().blend()).isEqualTo(trained.training().blend());
        BundleMetadata m = bundle.metadata();
        Map<String, Object> extra = new HashMap<>(m.extra());
        extra.remove("blendNetworkWeight");
        ModelBundle old = new ModelBundle(new BundleMetadata(m.grid(), m.kind(), m.window(), m.stepDays(), m.normalisation(), m.binEdges(),
                m.hotspot(), m.trainFrom(), m.trainTo(), m.holdOut(), m.version(), m.createdAt(), extra, m.layer()), bundle.weights());
        BundleException refused = catchThrowableOfType(BundleException.class, () -> old.toPeriodForecaster(grid));
        assertThat(refused.reason()).isEqualTo(BundleException.Reason.LOAD_FAILED);
        assertThat(refused).hasMessageContaining("lacks 'blendNetworkWeight'");
    }

    /**
     * Incidents on every day from {@code from} to {@code to}, noon local time, also counted into {@code days}: the
     * first cell twice a day in the first 60 days only (days the stream prunes), the second daily, the third every
     * third day, the fourth every tenth day and daily in the last fortnight.
     */
    private void sendDays(LocalDate from, LocalDate to, int[][] days) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            int i = (int) (d.toEpochDay() - FIRST.toEpochDay());
            int perCell0 = i < 60 ? 2 : 0;
            int[] perCell = {perCell0, 1, i % 3 == 0 ? 1 : 0, i % 10 == 0 || i > days.length - 14 ? 1 : 0};
            for (int k = 0; k < cells.length; k++) {
                for (int n = 0; n < perCell[k]; n++) {
                    send("i-" + d + "-" + k + "-" + n, d.atTime(LocalTime.NOON).atZone(ZONE).toOffsetDateTime().toString(), cells[k]);
                    days[i][cells[k]]++;
                }
            }
        }
    }

    /**
     * An incident early on the Monday closes the Sunday (grace 6 hours), which forecasts the periods from Monday on;
     * it counts in {@code days} when the Monday is one of them.
     */
    private void closeSunday(LocalDate sunday, int[][] days) {
        assertThat(sunday.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        LocalDate monday = sunday.plusDays(1);
        send("closer-" + monday, monday.atTime(7, 0).atZone(ZONE).toOffsetDateTime().toString(), cells[1]);
        int i = (int) (monday.toEpochDay() - FIRST.toEpochDay());
        if (i < days.length) {
            days[i][cells[1]]++;
        }
    }

    private List<Output.CellForecast> periodForecasts(LocalDate sunday) {
        return forecasts.readValuesToList().stream().filter(f -> f.horizonDays() > 1 && f.periodStart().equals(sunday.plusDays(1))).toList();
    }

    private double[] expected(List<Output.CellForecast> forecasts, int horizon) {
        double[] out = new double[grid.cellCount()];
        Arrays.fill(out, Double.NaN);
        forecasts.stream().filter(f -> f.horizonDays() == horizon).forEach(f -> out[f.cell()] = f.expected());
        return out;
    }

    private static boolean[] flagged(List<Output.CellForecast> forecasts, int horizon) {
        boolean[] out = new boolean[grid.cellCount()];
        forecasts.stream().filter(f -> f.horizonDays() == horizon).forEach(f -> out[f.cell()] = f.hotspot());
        return out;
    }

    private boolean inUse(String forecast, String version) {
        return meters.find("crimecast.model.in.use").tag("forecast", forecast).tag("version", version).gauge() != null;
    }

    private void send(String id, String occurredAt, int cell) {
        double[] latLon = grid.centreLatLon(cell);
        String json = "{\"id\":\"%s\",\"occurredAt\":\"%s\",\"lat\":%s,\"lon\":%s}".formatted(id, occurredAt, latLon[0], latLon[1]);
        incidents.pipeInput(new TestRecord<>(null, json.getBytes(StandardCharsets.UTF_8)));
    }
}
