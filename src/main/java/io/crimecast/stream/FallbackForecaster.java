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

/**
 * A served model that throws or returns unusable values at forecast time must not stop the topology: that day is
 * forecast by the baseline, and the failure is logged and counted. {@link Periods} does the same for the longer
 * periods.
 */
final class FallbackForecaster implements Forecaster {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackForecaster.class);

    private final Forecaster model;
    private final Forecaster baseline;
    private final CrimecastMetrics metrics;

    FallbackForecaster(Forecaster model, Forecaster baseline, CrimecastMetrics metrics) {
        this.model = model;
        this.baseline = baseline;
        this.metrics = metrics;
    }

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
        try {
            Forecast f = model.forecast(grid, history);
            if (!usable(f, grid.cellCount())) {
                throw new IllegalStateException("non-finite, negative or missing values for " + grid.cellCount() + " cells");
            }
            return f;
        } catch (RuntimeException e) {
            metrics.forecastFailed(grid.region(), model.version());
            LOG.error("model {} failed to forecast {} after {}; the baseline forecasts it", model.version(), grid.region(), history.lastDay(), e);
            return baseline.forecast(grid, history);
        }
    }

    /** The longer periods' forecasts of a served model, or the baseline's when any of them is unusable. */
    static final class Periods implements PeriodForecaster {
        private final PeriodForecaster model;
        private final PeriodForecaster baseline;
        private final CrimecastMetrics metrics;

        Periods(PeriodForecaster model, PeriodForecaster baseline, CrimecastMetrics metrics) {
            this.model = model;
            this.baseline = baseline;
            this.metrics = metrics;
        }

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
            try {
                List<Forecast> forecasts = model.forecast(grid, history, horizonDays);
                if (forecasts.size() != horizonDays.size() || !forecasts.stream().allMatch(f -> usable(f, grid.cellCount()))) {
                    throw new IllegalStateException("a forecast per horizon with usable values for " + grid.cellCount() + " cells was expected");
                }
                return forecasts;
            } catch (RuntimeException e) {
                metrics.forecastFailed(grid.region(), model.version());
                LOG.error("model {} failed to forecast the periods of {} after {}; the baseline forecasts them", model.version(), grid.region(),
                        history.lastDay(), e);
                return baseline.forecast(grid, history, horizonDays);
            }
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
