package io.crimecast.model;

import io.crimecast.metrics.EqualWidthBins;
import io.crimecast.grid.Grid;


/** The count baselines every network must beat; each copes with a shorter history by using what it has. */
public enum CountBaseline {
    LAST_VALUE("baseline-last", 1, 1),
    MEAN_7("baseline-mean7", 7, 1),
    MEAN_28("baseline-mean28", 28, 1),
    /** The same weekday over the last four weeks: days target-7, -14, -21, -28. */
    SAME_WEEKDAY_4("baseline-weekday4", 28, 7);

    private final String version;
    private final int historyDays;
    private final int stride;

    CountBaseline(String version, int historyDays, int stride) {
        this.version = version;
        this.historyDays = historyDays;
        this.stride = stride;
    }

    public String version() {
        return version;
    }

    public int historyDays() {
        return historyDays;
    }

    /** The forecast for day index {@code target} from the days before it (all zeros without any). */
    public double[] predict(int[][] days, int target) {
        int cells = days.length == 0 ? 0 : days[0].length;
        double[] expected = new double[cells];
        int used = 0;
        for (int d = target - stride; d >= Math.max(0, target - historyDays); d -= stride) {
            for (int c = 0; c < cells; c++) {
                expected[c] += days[d][c];
            }
            used++;
        }
        for (int c = 0; c < cells && used > 0; c++) {
            expected[c] /= used;
        }
        return expected;
    }

    public Forecaster forecaster() {
        CountBaseline baseline = this;
        return new Forecaster() {
            @Override
            public String version() {
                return version;
            }

            @Override
            public int historyDays() {
                return historyDays;
            }

            @Override
            public Forecast forecast(Grid grid, DayHistory history) {
                double[] expected = history.length() == 0
                        ? new double[grid.cellCount()]
                        : baseline.predict(history.days(), history.length());
                EqualWidthBins bins = EqualWidthBins.fit(history.days(), MovingAverageForecaster.DEFAULT_BINS);
                return CountForecasts.of(grid, history, version, expected, bins);
            }
        };
    }
}
