package io.crimecast.forecast;

import io.crimecast.model.CellNetwork;
import io.crimecast.model.DayHistory;
import io.crimecast.model.NativeThreads;
import io.crimecast.train.CountMatrix;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The per-cell network as a candidate map: trained on the history it is given (everything before the period), once
 * per history, and reused for every horizon of that history.
 */
public final class CellNetworkCandidate implements Candidate {
    public static final String NAME = "cell-mlp";

    private final CellNetwork.Settings settings;
    private final Consumer<CellNetwork.Training> onTrained;
    private Object trainedOn;
    private CellNetwork network;

    public CellNetworkCandidate(CellNetwork.Settings settings, Consumer<CellNetwork.Training> onTrained) {
        this.settings = settings;
        this.onTrained = onTrained;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized double[] expected(CountMatrix history, int horizonDays) {
        Object key = key(history);
        if (!key.equals(trainedOn)) {
            NativeThreads.limitUnlessConfigured();
            network = null; // let the last one go before the next trains
            network = CellNetwork.train(history.grid(), history.counts(), history.firstDay(), settings);
            trainedOn = key;
            onTrained.accept(network.training());
        }
        return network.expected(history.grid(), new DayHistory(history.lastDay(), history.counts()), horizonDays);
    }

    /** Names a history by its grid, days and daily totals: the same history trains once. */
    private static Object key(CountMatrix history) {
        int[] totals = Arrays.stream(history.counts()).mapToInt(day -> Arrays.stream(day).sum()).toArray();
        return Arrays.asList(history.grid().region(), history.cells(), history.firstDay(), history.days(), Arrays.hashCode(totals));
    }
}
