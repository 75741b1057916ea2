package io.crimecast.stream;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.model.DayHistory;
import io.crimecast.model.Forecast;
import io.crimecast.model.Forecaster;
import io.crimecast.model.MovingAverageForecaster;
import io.crimecast.model.PeriodForecaster;
import io.crimecast.model.TrailingRate;
import io.crimecast.ops.CrimecastMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** A model that fails at forecast time: the baseline forecasts that day, and the failure is counted. */
class FallbackForecasterTest {
    private static final Grid GRID = new Grid(Regions.load("philadelphia"));
    private static final DayHistory HISTORY = history();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MovingAverageForecaster baseline = new MovingAverageForecaster(28);

    @Test
    void aWorkingModelIsServedAsItIs() {
        Forecast f = fallback(this::constant).forecast(GRID, HISTORY);
        assertThat(f.modelVersion()).isEqualTo("stub-model");
        assertThat(f.expected()).containsOnly(2.0);
        assertThat(failures()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"throws", "nan", "negative", "infinite", "probability-above-one", "too-few-cells"})
    void aFailingModelIsReplacedByTheBaselineForThatDayAndCounted(String failure) {
        Function<Grid, Forecast> model = switch (failure) {
            case "throws" -> g -> {
                throw new IllegalStateException("native crash");
            };
            case "nan" -> g -> withExpected(constant(g), Double.NaN);
            case "negative" -> g -> withExpected(constant(g), -1);
            case "infinite" -> g -> withExpected(constant(g), Double.POSITIVE_INFINITY);
            case "probability-above-one" -> g -> {
                Forecast f = constant(g);
                f.hotspotProbability()[3] = 1.5;
                return f;
            };
            default -> g -> {
                Forecast f = constant(g);
                return new Forecast(f.date(), f.modelVersion(), new double[3], new int[3], new double[3], new boolean[3]);
            };
        };
        Forecast f = fallback(model).forecast(GRID, HISTORY);
        Forecast expected = baseline.forecast(GRID, HISTORY);
        assertThat(f.modelVersion()).isEqualTo(expected.modelVersion());
        assertThat(f.expected()).containsExactly(expected.expected());
        assertThat(failures()).isEqualTo(1);
    }

    /** The longer periods: a served network that fails, or gives too few forecasts, leaves them to the trailing year's rate. */
    @ParameterizedTest
    @ValueSource(strings = {"throws", "negative", "one-horizon-missing"})
    void aFailingPeriodModelIsReplacedByTheTrailingYearAndCounted(String failure) {
        PeriodForecaster stub = new PeriodForecaster() {
            @Override
            public String version() {
                return "stub-model";
            }

            @Override
            public int historyDays() {
                return 365;
            }

            @Override
            public List<Forecast> forecast(Grid grid, DayHistory history, List<Integer> horizonDays) {
                return switch (failure) {
                    case "throws" -> throw new IllegalStateException("native crash");
                    case "negative" -> horizonDays.stream().map(h -> withExpected(constant(grid), -1)).toList();
                    default -> List.of(constant(grid));
                };
            }
        };
        List<Integer> horizons = List.of(7, 92);
        List<Forecast> f = new FallbackForecaster.Periods(stub, TrailingRate.YEAR, new CrimecastMetrics(meters)).forecast(GRID, HISTORY, horizons);
        List<Forecast> expected = TrailingRate.YEAR.forecast(GRID, HISTORY, horizons);
        assertThat(f).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(f.get(i).modelVersion()).isEqualTo(TrailingRate.YEAR.version());
            assertThat(f.get(i).expected()).containsExactly(expected.get(i).expected());
        }
        assertThat(failures()).isEqualTo(1);
    }

    private FallbackForecaster fallback(Function<Grid, Forecast> model) {
        Forecaster stub = new Forecaster() {
            @Override
            public String version() {
                return "stub-model";
            }

            @Override
            public int historyDays() {
                return 8;
            }

            @Override
            public Forecast forecast(Grid grid, DayHistory history) {
                return model.apply(grid);
            }
        };
        return new FallbackForecaster(stub, baseline, new CrimecastMetrics(meters));
    }

    private Forecast constant(Grid g) {
        double[] expected = new double[g.cellCount()];
        Arrays.fill(expected, 2.0);
        return new Forecast(HISTORY.lastDay().plusDays(1), "stub-model", expected, new int[g.cellCount()], new double[g.cellCount()],
                new boolean[g.cellCount()]);
    }

    private static Forecast withExpected(Forecast f, double value) {
        f.expected()[5] = value;
        return f;
    }

    private double failures() {
        var counter = meters.find("crimecast.forecasts.failed").tag("model", "stub-model").counter();
        return counter == null ? 0 : counter.count();
    }

    private static DayHistory history() {
        int[][] days = new int[28][GRID.cellCount()];
        for (int d = 0; d < days.length; d++) {
            for (int c = 0; c < GRID.cellCount(); c++) {
                days[d][c] = (d + c) % 5;
            }
        }
        return new DayHistory(LocalDate.of(2021, 3, 1), days);
    }
}
