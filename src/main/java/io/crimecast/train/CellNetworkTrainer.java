package io.crimecast.train;

import io.crimecast.grid.Grid;
import io.crimecast.model.CellBundle;
import io.crimecast.model.CellFeatures;
import io.crimecast.model.CellNetwork;
import io.crimecast.model.ModelBundle;
import io.crimecast.model.PeriodPai;
import io.crimecast.model.TrailingRate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Trains the per-cell network on a layer's whole history for serving, and applies the publish rule on its validation
 * period (the last 92 days, which its early stopping also watched): its flags must capture more of that period's
 * incidents than the best trailing-count map's. At fine grids the ranking is what counts, so the measure is PAI of
 * the cells the region's hotspot rule flags, (hits / incidents) / (flagged cells / study-area cells), at each
 * horizon the network was trained on, and its mean over them; the best baseline is the trailing count (28, 91 or
 * 365 days, or all history) with the highest mean.
 */
public final class CellNetworkTrainer {
    /** The trailing counts a network must beat: the same as {@code forecast}'s naive maps. */
    private static final List<Baseline> BASELINES = List.of(new Baseline("trailing-28d", new TrailingRate(28)),
            new Baseline("trailing-91d", new TrailingRate(91)), new Baseline("trailing-365d", new TrailingRate(365)),
            new Baseline("trailing-all", new TrailingRate(Integer.MAX_VALUE)));

    private record Baseline(String name, TrailingRate rate) {
    }

    /** A map's PAI on the validation period at each horizon of {@link CellNetwork#HORIZONS}, and their mean. */
    public record Score(String name, double[] pai, double meanPai) {
    }

    public record Result(ModelBundle bundle, CellNetwork.Training training, Score network, List<Score> baselines) {
        public Score bestBaseline() {
            return baselines.stream().max(Comparator.comparingDouble(Score::meanPai)).orElseThrow();
        }

        /** The publish rule: a higher mean validation PAI than the best trailing count's. */
        public boolean beatsBestBaseline() {
            return network.meanPai() > bestBaseline().meanPai();
        }
    }

    private CellNetworkTrainer() {
    }

    public static Result train(CountMatrix matrix, String layer, CellNetwork.Settings settings, Instant createdAt) {
        Grid grid = matrix.grid();
        int[][] days = matrix.counts();
        CellNetwork network = CellNetwork.train(grid, days, matrix.firstDay(), settings);
        int origin = CellNetwork.validationOrigin(days.length);
        int[][] before = Arrays.copyOf(days, origin);
        CellFeatures features = CellFeatures.at(grid, days, matrix.firstDay(), origin);
        Score model = score(grid, days, origin, "cell-mlp", h -> network.expected(features, h));
        List<Score> baselines = new ArrayList<>();
        for (Baseline b : BASELINES) {
            baselines.add(score(grid, days, origin, b.name(), h -> b.rate().expected(before, grid.cellCount(), h)));
        }
        LocalDate trainTo = matrix.lastDay();
        return new Result(CellBundle.of(network, grid, layer, matrix.firstDay(), trainTo, createdAt), network.training(), model, baselines);
    }

    private interface PeriodMap {
        double[] expected(int horizonDays);
    }

    private static Score score(Grid grid, int[][] days, int origin, String name, PeriodMap map) {
        double[] pai = Arrays.stream(CellNetwork.HORIZONS).mapToDouble(h -> PeriodPai.of(grid, map.expected(h), days, origin, origin + h)).toArray();
        return new Score(name, pai, Arrays.stream(pai).average().orElse(0));
    }
}
