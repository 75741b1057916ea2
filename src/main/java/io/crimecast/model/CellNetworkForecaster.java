package io.crimecast.model;

import io.crimecast.grid.Grid;

import java.util.ArrayList;
import java.util.List;

/**
 * Serves a {@link CellNetwork} for the longer horizons: each cell's expected count over each period from the
 * network, the features computed once per history for every horizon, and the region's hotspot rule applied to them.
 */
public final class CellNetworkForecaster implements PeriodForecaster {
    private final CellNetwork network;
    private final String version;

    public CellNetworkForecaster(CellNetwork network, String version) {
        this.network = network;
        this.version = version;
    }

    public CellNetwork network() {
        return network;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public int historyDays() {
        return CellNetwork.HISTORY_DAYS;
    }

    @Override
    public List<Forecast> forecast(Grid grid, DayHistory history, List<Integer> horizonDays) {
        CellFeatures features = CellFeatures.at(grid, history);
        List<Forecast> out = new ArrayList<>();
        for (int h : horizonDays) {
            out.add(CountForecasts.period(grid, history, version, network.expected(features, h)));
        }
        return out;
    }
}
