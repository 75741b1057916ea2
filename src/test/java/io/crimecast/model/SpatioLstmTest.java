package io.crimecast.model;

import io.crimecast.metrics.EqualWidthBins;
import io.crimecast.grid.Grid;
import io.crimecast.grid.HotspotRule;
import io.crimecast.train.CountMatrix;
import io.crimecast.train.HotspotPopulation;
import io.crimecast.train.HotspotSettings;
import io.crimecast.train.HotspotSteps;
import io.crimecast.train.HotspotSyntheticCounts;
import io.crimecast.train.SpatioLstmTrainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SpatioLstmTest {
    private static final Grid GRID = HotspotTestGrids.grid(5, 6, HotspotRule.topPercent(20));
    private static final LocalDate FIRST = LocalDate.of(2020, 1, 1);
    private static final HotspotSettings SETTINGS = new HotspotSettings(3, 4, 4, 7, 12, 3, 64, 8, 2e-2, 2, 0.2, 1, true);
    private static CountMatrix counts;
    private static SpatioLstmTrainer.Result trained;

    @BeforeAll
    static void train() {
        counts = HotspotSyntheticCounts.matrix(GRID, FIRST, 90, 1);
        HotspotSteps steps = HotspotSteps.of(counts, FIRST, counts.lastDay(), 3);
        List<String> log = new ArrayList<>();
        trained = SpatioLstmTrainer.train(GRID, steps.counts(), steps.size(), HotspotPopulation.all(GRID.cellCount()), SETTINGS, log::add);
        assertThat(log).anyMatch(line -> line.contains("(best)"));
    }

    private static SpatioLstmForecaster forecaster() {
        return new SpatioLstmForecaster(trained.model(), EqualWidthBins.fit(counts.counts(), 10));
    }

    @Test
    void learnsThatBusyCellsAreHotspots() {
        int[][] window = HotspotWindow.sum(counts.counts(), counts.days(), 3, 4, GRID.cellCount());
        double[] p = trained.model().probabilities(GRID, window);
        double busy = Arrays.stream(new int[]{0, 7, 14, 21, 28}).mapToDouble(c -> p[c]).average().orElseThrow();
        double quiet = Arrays.stream(new int[]{1, 9, 17, 25}).mapToDouble(c -> p[c]).average().orElseThrow();
        assertThat(busy).isGreaterThan(quiet + 0.3);
        assertThat(trained.bestEpoch()).isBetween(1, trained.epochsRun());
    }

    @Test
    void restoresFromItsWeightsWithIdenticalOutputs() {
        int[][] window = HotspotWindow.sum(counts.counts(), 60, 3, 4, GRID.cellCount());
        SpatioLstm restored = SpatioLstm.restore(trained.model().spec(), trained.model().weights());
        assertThat(restored.probabilities(GRID, window)).containsExactly(trained.model().probabilities(GRID, window), within(1e-9));
        assertThat(restored.spec()).isEqualTo(new SpatioLstm.Spec(3, 4, 4, 30));
        assertThat(restored.spec().describe()).isEqualTo("4 steps of 3 days");
    }

    @Test
    void servesDailyForecastsWithTheRulesNumberOfFlags() {
        SpatioLstmForecaster forecaster = forecaster();
        DayHistory history = new DayHistory(counts.lastDay(), Arrays.copyOfRange(counts.counts(), counts.days() - 12, counts.days()));

        Forecast f = forecaster.forecast(GRID, history);

        assertThat(forecaster.historyDays()).isEqualTo(12);
        assertThat(forecaster.version()).startsWith("spatio-lstm-4x3d-");
        assertThat(f.date()).isEqualTo(counts.lastDay().plusDays(1));
        assertThat(f.hotspotProbability()).hasSize(30);
        assertThat(Arrays.stream(f.hotspotProbability())).allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
        int flagged = 0;
        for (boolean b : f.hotspot()) {
            flagged += b ? 1 : 0;
        }
        assertThat(flagged).isEqualTo(GRID.spec().hotspot().topCount(30));
        double cell0Mean = Arrays.stream(history.days()).mapToInt(d -> d[0]).sum() / 12.0;
        assertThat(f.expected()[0]).isCloseTo(cell0Mean, within(1e-9));
    }

    @Test
    void aShortHistoryIsPaddedWithZeroDays() {
        Forecast f = forecaster().forecast(GRID,
                new DayHistory(counts.lastDay(), Arrays.copyOfRange(counts.counts(), counts.days() - 5, counts.days())));
        double cell0Mean = Arrays.stream(counts.counts(), counts.days() - 5, counts.days()).mapToInt(d -> d[0]).sum() / 5.0;
        assertThat(f.expected()[0]).isCloseTo(cell0Mean, within(1e-9));
    }

    @Test
    void travelsInASignedModelBundleAndServesTheSameForecast() {
        SpatioLstmForecaster original = forecaster();
        byte[] key = "test-key".getBytes(StandardCharsets.UTF_8);
        ModelBundle bundle = SpatioBundle.of(original, GRID, "all", FIRST, counts.lastDay(), List.of(), Instant.EPOCH);

        Forecaster served = ModelBundle.read(bundle.toBytes(key), key).toForecaster(GRID);

        DayHistory history = new DayHistory(counts.lastDay(), counts.counts());
        assertThat(served.version()).isEqualTo(original.version());
        assertThat(served.forecast(GRID, history).hotspotProbability())
                .containsExactly(original.forecast(GRID, history).hotspotProbability(), within(1e-9));
        assertThat(bundle.metadata().window()).isEqualTo(12);
        assertThat(bundle.metadata().kind()).isEqualTo(ModelKind.SPATIO_LSTM);
    }

    @Test
    void aLongerContextServesItsLevelsFromTheStepsAHistoryHasAndTravelsInItsBundle() {
        HotspotSteps steps = HotspotSteps.of(counts, FIRST, counts.lastDay(), 3);
        SpatioLstm model = SpatioLstmTrainer.train(GRID, steps.counts(), steps.size(), HotspotPopulation.all(GRID.cellCount()),
                SETTINGS.withContextSteps(8), line -> { }).model();
        SpatioLstmForecaster withLevels = new SpatioLstmForecaster(model, EqualWidthBins.fit(counts.counts(), 10));
        byte[] key = "test-key".getBytes(StandardCharsets.UTF_8);
        ModelBundle bundle = SpatioBundle.of(withLevels, GRID, "all", FIRST, counts.lastDay(), List.of(), Instant.EPOCH);
        Forecaster served = ModelBundle.read(bundle.toBytes(key), key).toForecaster(GRID);

        assertThat(model.spec()).isEqualTo(new SpatioLstm.Spec(3, 4, 8, 30));
        assertThat(model.spec().describe()).isEqualTo("4 steps of 3 days, levels over 8");
        assertThat(model.steps()).as("the window it reads").isEqualTo(8);
        assertThat(withLevels.historyDays()).isEqualTo(24);
        assertThat(bundle.metadata().window()).isEqualTo(24);
        DayHistory full = new DayHistory(counts.lastDay(), counts.counts());
        assertThat(served.forecast(GRID, full).hotspotProbability())
                .containsExactly(withLevels.forecast(GRID, full).hotspotProbability(), within(1e-9));
        // 15 days are 5 whole steps: the levels average those 5, the same as scoring that window directly
        DayHistory young = new DayHistory(counts.lastDay(), Arrays.copyOfRange(counts.counts(), counts.days() - 15, counts.days()));
        int[][] fiveSteps = HotspotWindow.sum(young.days(), 15, 3, 5, GRID.cellCount());
        assertThat(withLevels.forecast(GRID, young).hotspotProbability()).containsExactly(model.probabilities(GRID, fiveSteps), within(1e-9));
        assertThat(model.probabilities(GRID, fiveSteps)).isNotEqualTo(model.probabilities(GRID, HotspotWindow.sum(young.days(), 15, 3, 8, GRID.cellCount())));
        assertThatThrownBy(() -> model.probabilities(GRID, HotspotWindow.sum(young.days(), 15, 3, 3, GRID.cellCount())))
                .hasMessageContaining("reads 4 to 8 steps");
    }

    @Test
    void aMinimumCountRuleFlagsLikelyCells() {
        boolean[] flags = SpatioLstmForecaster.flags(HotspotTestGrids.grid(1, 3, HotspotRule.minCount(3)), new double[]{0.2, 0.5, 0.9}, 3);
        assertThat(flags).containsExactly(false, true, true);
    }

    @Test
    void aTopRuleFlagsTheMostLikelyCellsOfItsPopulation() {
        boolean[] flags = SpatioLstmForecaster.flags(HotspotTestGrids.grid(1, 4, HotspotRule.topPercent(50)), new double[]{0.2, 0.5, 0.9, 0.1}, 4);
        assertThat(flags).containsExactly(false, true, true, false);
    }
}
