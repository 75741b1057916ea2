package io.crimecast.model;

import io.crimecast.metrics.EqualWidthBins;
import io.crimecast.grid.Grid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.time.LocalDate;

/**
 * A trained count network serving as a {@link Forecaster}. Bins come from the edges fitted on its training data;
 * hotspot probability is the Poisson tail ({@link PoissonHotspot}); flags apply the region's rule to the forecast.
 */
public final class NetworkForecaster implements Forecaster {
    private final String version;
    private final CountFeatures features;
    private final CountNetwork network;
    private final EqualWidthBins bins;

    public NetworkForecaster(String version, CountFeatures features, CountNetwork network, EqualWidthBins bins) {
        this.version = version;
        this.features = features;
        this.network = network;
        this.bins = bins;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public int historyDays() {
        return features.historyDays();
    }

    public CountFeatures features() {
        return features;
    }

    public EqualWidthBins bins() {
        return bins;
    }

    @Override
    public Forecast forecast(Grid grid, DayHistory history) {
        int[][] days = padded(history.days(), grid.cellCount());
        LocalDate firstDay = history.lastDay().plusDays(1).minusDays(days.length);
        double[] expected = expectedCounts(network, features, days, firstDay, new int[]{days.length})[0];
        return CountForecasts.of(grid, history, version, expected, bins);
    }

    /**
     * Expected counts for several target day indices of {@code days} (each needs {@link CountFeatures#historyDays()} days
     * before it; the target day itself may lie past the end). {@code firstDay} is the date of {@code days[0]}.
     */
    public static double[][] expectedCounts(CountNetwork network, CountFeatures features, int[][] days,
                                            LocalDate firstDay, int[] targets) {
        int cells = days[0].length;
        float[][][] input = new float[targets.length][features.featureCount(cells)][features.window()];
        double[][] levels = new double[targets.length][];
        for (int i = 0; i < targets.length; i++) {
            levels[i] = CountFeatures.level(days, targets[i]);
            features.encode(days, targets[i], firstDay.plusDays(targets[i]), levels[i], input[i]);
        }
        INDArray out;
        synchronized (network) { // DL4J networks are not safe for concurrent use
            out = network.output(Nd4j.create(input)).castTo(DataType.FLOAT);
        }
        double[][] expected = new double[targets.length][];
        for (int i = 0; i < targets.length; i++) {
            expected[i] = features.decode(out.getRow(i).toFloatVector(), levels[i]);
        }
        return expected;
    }

    /** A short history (a new region) is padded at the front with each cell's rounded mean of the days it has. */
    private int[][] padded(int[][] days, int cells) {
        int need = features.historyDays();
        if (days.length >= need) {
            return days;
        }
        int[] mean = new int[cells];
        for (int c = 0; c < cells; c++) {
            double sum = 0;
            for (int[] day : days) {
                sum += day[c];
            }
            mean[c] = days.length == 0 ? 0 : (int) Math.round(sum / days.length);
        }
        int[][] out = new int[need][];
        for (int d = 0; d < need; d++) {
            out[d] = d < need - days.length ? mean : days[d - (need - days.length)];
        }
        return out;
    }
}
