package io.crimecast.stream;

import io.crimecast.grid.Grid;
import io.crimecast.model.DayHistory;
import io.crimecast.model.Forecast;
import io.crimecast.model.Forecaster;
import io.crimecast.model.PeriodForecaster;
import io.crimecast.ops.CrimecastMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A served model that throws or returns unusable values at forecast time must not stop the topology: that day is
 * forecast by the baseline, and the failure is logged and counted. {@link Periods} does the same for the longer
 * periods.
 */
record FallbackForecaster(Forecaster model, Forecaster baseline, CrimecastMetrics metrics) implements Forecaster {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackForecaster.class);

    @Override
    public String version() {
        return model.version();
    }

    @Override
    public int historyDays() {
        return Math.max(model.historyDays(), baseline.historyDays());
    }

    @Override
    public Forecast forecast(Grid grid, DayHistory history) {
        return guarded(model.version(), grid, history, metrics, "the next day", () -> model.forecast(grid, history),
                f -> usable(f, grid.cellCount()), () -> baseline.forecast(grid, history));
    }

    /** The longer periods' forecasts of a served model, or the baseline's when any of them is unusable. */
    record Periods(PeriodForecaster model, PeriodForecaster baseline, CrimecastMetrics metrics) implements PeriodForecaster {
        @Override
        public String version() {
            return model.version();
        }

        @Override
        public int historyDays() {
            return Math.max(model.historyDays(), baseline.historyDays());
        }

        @Override
        public List<Forecast> forecast(Grid grid, DayHistory history, List<Integer> horizonDays) {
            return guarded(model.version(), grid, history, metrics, "the periods", () -> model.forecast(grid, history, horizonDays),
                    fs -> fs.size() == horizonDays.size() && fs.stream().allMatch(f -> usable(f, grid.cellCount())),
                    () -> baseline.forecast(grid, history, horizonDays));
        }
    }

    /** The model's forecast when it is usable; otherwise, or when it throws, the baseline's, with the failure logged and counted. */
    private static <T> T guarded(String version, Grid grid, DayHistory history, CrimecastMetrics metrics, String what, Supplier<T> model,
                                 Predicate<T> usable, Supplier<T> baseline) {
        try {
            T forecast = model.get();
            if (!usable.test(forecast)) {
                throw new IllegalStateException("non-finite, negative or missing values for " + grid.cellCount() + " cells, or a horizon missing");
            }
            return forecast;
        } catch (RuntimeException e) {
            metrics.forecastFailed(grid.region(), version);
            LOG.error("model {} failed to forecast {} of {} after {}; the baseline forecasts it", version, what, grid.region(), history.lastDay(), e);
            return baseline.get();
        }
    }

    private static boolean usable(Forecast f, int cells) {
        if (f.expected().length != cells || f.bin().length != cells || f.hotspotProbability().length != cells || f.hotspot().length != cells) {
            return false;
        }
        for (int c = 0; c < cells; c++) {
            double p = f.hotspotProbability()[c];
            if (!(f.expected()[c] >= 0) || Double.isInfinite(f.expected()[c]) || !(p >= 0 && p <= 1)) {
                return false;
            }
        }
        return true;
    }
}
