package io.crimecast.model;

import io.crimecast.grid.Grid;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A per-cell forecaster with shared weights: a small MLP (two ReLU layers) from a cell's {@link CellFeatures} to its
 * count over the horizon, fitted as log1p(count) by squared error or as the count by Poisson deviance ({@link Loss}).
 * By squared error it fits a correction to the all-history count, log1p(count) - log1p(the cell's all-history count
 * over the horizon): an output of zero is that count, the strongest naive map at 600 ft, so early stopping keeps a
 * correction of it rather than a map learnt from scratch. One network per history serves every cell and every horizon.
 *
 * <p>Training origins: every 9 days over the year before a chronological validation cut 92 days before the end
 * of the history (so every target, 92 days at most, ends before the cut); validation: the period from the cut, at
 * every horizon; early stopping on its loss restores the best epoch. Many origins, because a few (13 every 28 days
 * on the tuning windows) let the network memorise each origin's level through the city-wide and calendar inputs.
 * Class imbalance: every cell with an incident before the origin is a sample, and one in {@code zeroCellEvery} of
 * the never-active cells (they are there to keep empty cells low); each origin keeps a seeded random share of its
 * cells so that all origins together give at most {@code maxSamples} rows. The ranking that flags hotspots is decided
 * among the busiest cells, so each row counts with a weight of sqrt(1 + the cell's incidents in the year before the
 * origin), a cell with 99 ten times one with none: the rows the epochs fit are drawn once (seeded, with replacement, as
 * many as there are) with chances in proportion to it, and the validation loss is the weighted mean.
 *
 * <p>Its forecast is a {@link Blend} of its output with a trailing count (a year or all history), the weight chosen
 * after training by the PAI of the region's hotspot rule on the validation period: the flags are decided among the
 * busiest cells, which the trailing counts already rank well and the squared error over every active cell does not
 * favour.
 */
public final class CellNetwork {
    /** The horizons a network is trained on (the NIJ challenge's); it forecasts any other through the horizon input. */
    public static final int[] HORIZONS = {7, 14, 31, 61, 92};
    public static final int DEFAULT_MAX_EPOCHS = 30;
    private static final int LONGEST = 92;
    /** Days the network reads before a period (older days count in the all-history totals only). */
    public static final int HISTORY_DAYS = CellFeatures.HISTORY_DAYS;
    /** 9 days: origins fall on every weekday, so the weekday input varies in training as it will in use. */
    private static final int ORIGIN_STEP = 9;
    /** The shortest history it trains on: the validation period, the longest target period before it, one origin step. */
    public static final int MIN_HISTORY_DAYS = 2 * LONGEST + ORIGIN_STEP;
    private static final int ORIGINS = 40;
    private static final int YEAR = 365;

    /** What the network is fitted to: log1p(count) less log1p(the all-history count) by squared error, or the count itself by Poisson deviance. */
    public enum Loss { LOG1P_MSE, POISSON }

    public record Settings(Loss loss, int hidden, int maxEpochs, int patience, int batch, double learningRate, int zeroCellEvery,
                           int maxSamples, long seed) {
        public static Settings defaults() {
            return new Settings(Loss.LOG1P_MSE, 32, DEFAULT_MAX_EPOCHS, 4, 512, 1e-3, 20, 400_000, 42);
        }

        public Settings withMaxEpochs(int epochs) {
            return new Settings(loss, hidden, epochs, patience, batch, learningRate, zeroCellEvery, maxSamples, seed);
        }

        public Settings withLoss(Loss l) {
            return new Settings(l, hidden, maxEpochs, patience, batch, learningRate, zeroCellEvery, maxSamples, seed);
        }
    }

    /** How a training went: for the report (time, epochs, samples, the blend chosen) and for tests. */
    public record Training(int samples, int validationSamples, int epochsRun, int bestEpoch, double validationLoss,
                           double constantLoss, Blend blend, double blendPai, double seconds) {
    }

    /**
     * The forecast: {@code networkWeight} of log1p(the network's count) plus the rest of log1p(the trailing count over
     * {@code lookbackDays}, 365 or all history), expm1'd; a weight of 1 is the network alone, 0 the trailing count.
     */
    public record Blend(int lookbackDays, double networkWeight) {
        public static final Blend NETWORK_ONLY = new Blend(CellFeatures.ALL_HISTORY, 1);
        /** The blends validation chooses among, the network's largest share first (the first wins a tie). */
        static final List<Blend> CHOICES = List.of(NETWORK_ONLY,
                new Blend(CellFeatures.ALL_HISTORY, 0.75), new Blend(YEAR, 0.75), new Blend(CellFeatures.ALL_HISTORY, 0.5), new Blend(YEAR, 0.5),
                new Blend(CellFeatures.ALL_HISTORY, 0.25), new Blend(YEAR, 0.25), new Blend(CellFeatures.ALL_HISTORY, 0), new Blend(YEAR, 0));

        public Blend {
            if (!(networkWeight >= 0 && networkWeight <= 1) || (lookbackDays != YEAR && lookbackDays != CellFeatures.ALL_HISTORY)) {
                throw new IllegalArgumentException("a blend takes a network weight in [0, 1] and a lookback of 365 days or all history, was %s, %d"
                        .formatted(networkWeight, lookbackDays));
            }
        }

        double[] apply(CellFeatures features, int horizonDays, double[] network) {
            double[] out = new double[network.length];
            for (int c = 0; c < out.length; c++) {
                out[c] = networkWeight == 1 ? network[c] : Math.expm1(networkWeight * Math.log1p(network[c])
                        + (1 - networkWeight) * Math.log1p(features.trailingCount(c, lookbackDays, horizonDays)));
            }
            return out;
        }

        @Override
        public String toString() {
            return networkWeight == 1 ? "network only" : String.format(Locale.ROOT, "%.2f network + %.2f trailing-%s", networkWeight,
                    1 - networkWeight, lookbackDays == YEAR ? "365d" : "all");
        }
    }

    private final MultiLayerNetwork network;
    private final Loss loss;
    private final float[] mean;
    private final float[] scale;
    private final Blend blend;
    private final Training training;

    private CellNetwork(MultiLayerNetwork network, Loss loss, float[] mean, float[] scale, Blend blend, Training training) {
        this.network = network;
        this.loss = loss;
        this.mean = mean;
        this.scale = scale;
        this.blend = blend;
        this.training = training;
    }

    /** How the training went; null for a network read from a bundle. */
    public Training training() {
        return training;
    }

    public Loss loss() {
        return loss;
    }

    public Blend blend() {
        return blend;
    }

    /** The feature standardisation fitted on the training rows: means, then scales, {@link CellFeatures#COUNT} each. */
    public float[][] standardisation() {
        return new float[][]{mean.clone(), scale.clone()};
    }

    /** The network's ModelSerializer bytes (without updater state: a served network is not trained further). */
    public synchronized byte[] weights() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(network, out, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A network from {@link #weights()} and the standardisation, loss and blend it was trained with. */
    public static CellNetwork restore(byte[] weights, Loss loss, float[] mean, float[] scale, Blend blend) throws IOException {
        if (mean.length != CellFeatures.COUNT || scale.length != CellFeatures.COUNT) {
            throw new IllegalArgumentException("the standardisation has %d and %d values for %d features"
                    .formatted(mean.length, scale.length, CellFeatures.COUNT));
        }
        MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(weights), false);
        if (network.layerInputSize(0) != CellFeatures.COUNT) {
            throw new IllegalArgumentException("the network reads " + network.layerInputSize(0) + " features, not " + CellFeatures.COUNT);
        }
        return new CellNetwork(network, loss, mean.clone(), scale.clone(), blend, null);
    }

    /** The first day of the validation period of a history of {@code days} days: the network is trained on the days before it. */
    public static int validationOrigin(int days) {
        return days - LONGEST;
    }

    /** Expected count of every cell over the {@code horizonDays} after the history's last day. */
    public double[] expected(Grid grid, DayHistory history, int horizonDays) {
        return expected(CellFeatures.at(grid, history), horizonDays);
    }

    /** Expected count of every cell over the {@code horizonDays} from the origin of {@code features}: the network's, blended. */
    public double[] expected(CellFeatures features, int horizonDays) {
        return blend.apply(features, horizonDays, networkExpected(features, horizonDays));
    }

    /** The network's own expected counts, before the blend. */
    private synchronized double[] networkExpected(CellFeatures features, int horizonDays) {
        int cells = features.cells();
        float[] x = new float[cells * CellFeatures.COUNT];
        for (int c = 0; c < cells; c++) {
            features.write(c, horizonDays, x, c * CellFeatures.COUNT);
        }
        double[] expected = network.output(standardised(x, cells), false).toDoubleVector();
        for (int c = 0; c < cells; c++) {
            expected[c] = Math.max(0, loss == Loss.POISSON ? expected[c]
                    : Math.expm1(expected[c] + Math.log1p(features.trailingCount(c, CellFeatures.ALL_HISTORY, horizonDays))));
        }
        return expected;
    }

    /**
     * Trains on {@code days} (every day before the period to forecast, the first of them {@code firstDay}) as the class
     * comment says.
     */
    public static CellNetwork train(Grid grid, int[][] days, LocalDate firstDay, Settings s) {
        long started = System.nanoTime();
        int cut = validationOrigin(days.length);
        if (days.length < MIN_HISTORY_DAYS) {
            throw new IllegalArgumentException("the per-cell network needs at least %d days of history, got %d"
                    .formatted(MIN_HISTORY_DAYS, days.length));
        }
        History history = new History(grid, days, firstDay);
        Random random = new Random(s.seed());
        List<Integer> origins = new ArrayList<>();
        for (int k = 0; k < ORIGINS && cut - LONGEST - k * ORIGIN_STEP >= ORIGIN_STEP; k++) {
            origins.add(cut - LONGEST - k * ORIGIN_STEP);
        }
        Samples train = samples(history, origins, s.maxSamples() / (origins.size() * HORIZONS.length), s, random);
        Samples validation = samples(history, List.of(cut), Integer.MAX_VALUE, s, random);

        float[][] moments = moments(train.x, train.rows);
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(s));
        network.init();
        CellNetwork model = new CellNetwork(network, s.loss(), moments[0], moments[1], Blend.NETWORK_ONLY, null);
        float[] x = model.standardisedRows(train.x, train.rows);
        float[] y = Arrays.copyOf(train.y, train.rows);
        float[] w = Arrays.copyOf(train.w, train.rows);
        int[] drawn = weightedDraw(w, random);
        INDArray validationX = model.standardised(validation.x, validation.rows);
        float[] validationY = Arrays.copyOf(validation.y, validation.rows);
        float[] validationW = Arrays.copyOf(validation.w, validation.rows);
        int n = CellFeatures.COUNT;
        EarlyStopping.Outcome outcome = EarlyStopping.train(new EarlyStopping.Trainable() {
            @Override
            public void fitEpoch(int[] order) {
                for (int from = 0; from < order.length; from += s.batch()) {
                    int size = Math.min(s.batch(), order.length - from);
                    float[] bx = new float[size * n];
                    float[] by = new float[size];
                    for (int i = 0; i < size; i++) {
                        int row = drawn[order[from + i]];
                        System.arraycopy(x, row * n, bx, i * n, n);
                        by[i] = y[row];
                    }
                    // weights by drawing, not by a labels mask: DL4J also multiplies the output layer's activations by its mask in training
                    network.fit(matrix(bx, size, n), matrix(by, size, 1));
                }
            }

            @Override
            public double validationLoss() {
                return loss(s.loss(), network.output(validationX, false).toDoubleVector(), validationY, validationW);
            }

            @Override
            public INDArray parameters() {
                return network.params().dup();
            }

            @Override
            public void setParameters(INDArray parameters) {
                network.setParams(parameters);
            }
        }, train.rows, new EarlyStopping.Limits(s.maxEpochs(), s.patience(), s.seed()), epoch -> { });
        if (outcome.bestEpoch() == 0) {
            throw new IllegalStateException("cell-mlp: no epoch gave a finite validation loss (" + s.loss() + ")");
        }
        CellFeatures atCut = CellFeatures.at(grid, days, firstDay, cut);
        double[][] networkAtCut = Arrays.stream(HORIZONS).mapToObj(h -> model.networkExpected(atCut, h)).toArray(double[][]::new);
        Blend blend = null;
        double blendPai = -1;
        for (Blend b : Blend.CHOICES) {
            double pai = 0;
            for (int i = 0; i < HORIZONS.length; i++) {
                pai += PeriodPai.of(grid, b.apply(atCut, HORIZONS[i], networkAtCut[i]), days, cut, cut + HORIZONS[i]) / HORIZONS.length;
            }
            if (pai > blendPai) {
                blend = b;
                blendPai = pai;
            }
        }
        Training t = new Training(train.rows, validation.rows, outcome.epochs(), outcome.bestEpoch(), outcome.bestLoss(), constantLoss(s.loss(), y, w, validationY, validationW),
                blend, blendPai, (System.nanoTime() - started) / 1e9);
        return new CellNetwork(network, s.loss(), moments[0], moments[1], blend, t);
    }

    private static MultiLayerConfiguration configuration(Settings s) {
        return new NeuralNetConfiguration.Builder().seed(s.seed()).updater(new Adam(s.learningRate())).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(CellFeatures.COUNT).nOut(s.hidden()).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(s.hidden()).nOut(s.hidden() / 2).activation(Activation.RELU).build())
                .layer(s.loss() == Loss.POISSON
                        ? new OutputLayer.Builder(LossFunctions.LossFunction.POISSON).nIn(s.hidden() / 2).nOut(1).activation(Activation.SOFTPLUS).build()
                        : new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(s.hidden() / 2).nOut(1).activation(Activation.IDENTITY).build())
                .build();
    }

    /** Rows of features, targets (log1p'd for {@link Loss#LOG1P_MSE}) and weights, at most {@code cellsPerOrigin} cells an origin: every active cell and every {@code zeroCellEvery}-th empty one, at each origin and horizon. */
    private static Samples samples(History history, List<Integer> origins, int cellsPerOrigin, Settings s, Random random) {
        Samples out = new Samples();
        int cellCount = history.grid().cellCount();
        for (int origin : origins) {
            CellFeatures features = CellFeatures.at(history.grid(), history.days(), history.firstDay(), origin);
            List<Integer> cells = new ArrayList<>();
            for (int c = 0; c < cellCount; c++) {
                if (features.everActive(c) || random.nextInt(s.zeroCellEvery()) == 0) {
                    cells.add(c);
                }
            }
            if (cells.size() > cellsPerOrigin) {
                Collections.shuffle(cells, random);
                cells = cells.subList(0, cellsPerOrigin);
            }
            for (int h : HORIZONS) {
                double[] target = history.total(origin, origin + h);
                for (int c : cells) {
                    out.add(features, c, h, (float) (s.loss() == Loss.POISSON ? target[c]
                                    : Math.log1p(target[c]) - Math.log1p(features.trailingCount(c, CellFeatures.ALL_HISTORY, h))),
                            (float) Math.sqrt(1 + features.trailingCount(c, YEAR, YEAR)));
                }
            }
        }
        return out;
    }

    /** As many row indices as weights, drawn with replacement with chances in proportion to the weights. */
    static int[] weightedDraw(float[] weights, Random random) {
        double[] cumulative = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            cumulative[i] = total;
        }
        int[] drawn = new int[weights.length];
        for (int i = 0; i < drawn.length; i++) {
            double u = random.nextDouble() * total;
            int at = Arrays.binarySearch(cumulative, u);
            int row = at >= 0 ? at : -at - 1;
            while (row < weights.length - 1 && cumulative[row] <= u) { // the first row whose share reaches past u: never a zero weight's
                row++;
            }
            drawn[i] = row;
        }
        return drawn;
    }

    /**
     * The validation loss of the best constant (the training targets' weighted mean: for squared error a constant
     * correction of the all-history count), in the network's own loss: what the network must beat to have learnt anything.
     */
    private static double constantLoss(Loss lossKind, float[] trainY, float[] trainW, float[] validationY, float[] validationW) {
        double m = 0, weights = 0;
        for (int i = 0; i < trainY.length; i++) {
            m += trainW[i] * trainY[i];
            weights += trainW[i];
        }
        double[] constant = new double[validationY.length];
        Arrays.fill(constant, m / weights);
        return loss(lossKind, constant, validationY, validationW);
    }

    /**
     * Weighted mean loss of predictions against targets: squared error, or Poisson deviance without its constant term with the
     * prediction floored at 1e-6 (DL4J's own score is infinite once a softplus output underflows to 0, which stopped
     * a training at its initial weights on a tuning window).
     */
    private static double loss(Loss kind, double[] predicted, float[] y, float[] w) {
        double total = 0, weights = 0;
        for (int i = 0; i < y.length; i++) {
            double p = predicted[i];
            total += w[i] * (kind == Loss.POISSON ? Math.max(p, 1e-6) - y[i] * Math.log(Math.max(p, 1e-6)) : (y[i] - p) * (y[i] - p));
            weights += w[i];
        }
        return total / weights;
    }

    private static float[][] moments(float[] x, int rows) {
        int n = CellFeatures.COUNT;
        float[] mean = new float[n], scale = new float[n];
        double[] s = new double[n], ss = new double[n];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < n; j++) {
                double v = x[r * n + j];
                s[j] += v;
                ss[j] += v * v;
            }
        }
        for (int j = 0; j < n; j++) {
            double m = s[j] / rows;
            double sd = Math.sqrt(Math.max(0, ss[j] / rows - m * m));
            mean[j] = (float) m;
            scale[j] = (float) (sd > 1e-6 ? sd : 1); // a constant feature (e.g. one horizon only) stays 0
        }
        return new float[][]{mean, scale};
    }

    private INDArray standardised(float[] x, int rows) {
        return matrix(standardisedRows(x, rows), rows, CellFeatures.COUNT);
    }

    /**
     * A rows x cols float matrix of {@code values} (row-major), copied in bulk: Nd4j.createFromArray copies element
     * by element, a tenth of a 600 ft Sunday close's time (JFR).
     */
    static INDArray matrix(float[] values, int rows, int cols) {
        INDArray m = Nd4j.create(DataType.FLOAT, rows, cols);
        m.data().asNioFloat().put(values, 0, rows * cols);
        return m;
    }

    private float[] standardisedRows(float[] x, int rows) {
        int n = CellFeatures.COUNT;
        float[] z = new float[rows * n];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < n; j++) {
                z[r * n + j] = (x[r * n + j] - mean[j]) / scale[j];
            }
        }
        return z;
    }

    /** The days a network is trained on. */
    private record History(Grid grid, int[][] days, LocalDate firstDay) {
        /** Each cell's incidents over days {@code from..to-1} (clamped to the history). */
        double[] total(int from, int to) {
            double[] total = new double[grid.cellCount()];
            for (int d = from; d < Math.min(to, days.length); d++) {
                for (int c = 0; c < total.length; c++) {
                    total[c] += days[d][c];
                }
            }
            return total;
        }
    }

    /** Growable rows of features, targets and weights. */
    private static final class Samples {
        float[] x = new float[1024 * CellFeatures.COUNT];
        float[] y = new float[1024];
        float[] w = new float[1024];
        int rows;

        void add(CellFeatures features, int cell, int horizonDays, float target, float weight) {
            if (rows == y.length) {
                x = Arrays.copyOf(x, x.length * 2);
                y = Arrays.copyOf(y, y.length * 2);
                w = Arrays.copyOf(w, w.length * 2);
            }
            features.write(cell, horizonDays, x, rows * CellFeatures.COUNT);
            w[rows] = weight;
            y[rows++] = target;
        }
    }
}
