package io.crimecast.train;

import io.crimecast.grid.Grid;
import io.crimecast.model.SpatioFeatures;
import io.crimecast.model.EarlyStopping;
import io.crimecast.model.SpatioLstm;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Trains the Spatio-LSTM (paper 002): an LSTM over the S x 9 neighbourhood sequence (the temporal influence
 * encoding network) merged with a dense encoding of the location (and, with a longer context, the cell's and its
 * neighbourhood's long-run levels), then a dense layer and a sigmoid (the hotspot forecasting network). The latest target steps of the training period are held out; training keeps the weights
 * of the epoch with the lowest validation cross-entropy and stops after {@code patience} epochs without one.
 */
public final class SpatioLstmTrainer {
    private static final int EVAL_BATCH = 8192;

    private SpatioLstmTrainer() {
    }

    public record Result(SpatioLstm model, int epochsRun, int bestEpoch, double validationLoss, double seconds,
                         int trainSamples, int validationSamples) {
    }

    /**
     * @param stepCounts   {@code [step][cell]}; only steps before {@code trainEnd} are read
     * @param population   the cells whose samples are trained on and among which the rule picks hotspots
     */
    public static Result train(Grid grid, int[][] stepCounts, int trainEnd, HotspotPopulation population,
                               HotspotSettings settings, Consumer<String> progress) {
        long started = System.nanoTime();
        int steps = settings.steps();
        int targets = trainEnd - steps;
        if (targets < 2) {
            throw new IllegalArgumentException("training needs at least " + (steps + 2) + " steps before the test, has " + trainEnd);
        }
        int validationTargets = Math.max(1, (int) Math.round(targets * settings.validationShare()));
        int validationStart = trainEnd - validationTargets;
        var rule = grid.spec().hotspot();
        SpatioLstm.Spec spec = new SpatioLstm.Spec(settings.stepDays(), steps, settings.contextSteps(), population.size());
        HotspotDataSet train = HotspotDataSet.build(grid, stepCounts, population, rule, steps, spec.contextSteps(), steps, validationStart);
        HotspotDataSet validation = HotspotDataSet.build(grid, stepCounts, population, rule, steps, spec.contextSteps(), validationStart, trainEnd);
        progress.accept("spatio-lstm: %d training samples (%d hotspots), %d validation samples, target steps %d..%d / %d..%d; reads %s"
                .formatted(train.size(), train.positives(), validation.size(), steps, validationStart - 1, validationStart, trainEnd - 1, spec.describe()));

        ComputationGraph graph = network(spec, settings);
        EarlyStopping.Outcome outcome = EarlyStopping.train(new EarlyStopping.Trainable() {
            @Override
            public void fitEpoch(int[] order) {
                for (int from = 0; from < order.length; from += settings.batchSize()) {
                    graph.fit(train.batch(order, from, Math.min(order.length, from + settings.batchSize()), settings.positiveWeight()));
                }
            }

            @Override
            public double validationLoss() {
                return crossEntropy(graph, validation);
            }

            @Override
            public INDArray parameters() {
                return graph.params().dup();
            }

            @Override
            public void setParameters(INDArray parameters) {
                graph.setParams(parameters);
            }
        }, train.size(), new EarlyStopping.Limits(settings.maxEpochs(), settings.patience(), settings.seed()),
                e -> progress.accept("spatio-lstm: epoch %d validation cross-entropy %.5f%s".formatted(e.epoch(), e.validationLoss(), e.best() ? " (best)" : "")));
        SpatioLstm model = new SpatioLstm(spec, graph);
        return new Result(model, outcome.epochs(), outcome.bestEpoch(), outcome.bestLoss(), (System.nanoTime() - started) / 1e9, train.size(), validation.size());
    }

    static ComputationGraph network(SpatioLstm.Spec spec, HotspotSettings settings) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .updater(new Adam(settings.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("neighbourhood", "location")
                .setInputTypes(InputType.recurrent(SpatioFeatures.NEIGHBOURS, spec.steps()), InputType.feedForward(SpatioFeatures.fixedInputs(spec.withLevels())))
                .addLayer("temporal", new LastTimeStep(new LSTM.Builder().nOut(settings.lstmUnits()).activation(Activation.TANH).build()), "neighbourhood")
                .addLayer("place", new DenseLayer.Builder().nOut(8).activation(Activation.TANH).build(), "location")
                .addVertex("merged", new MergeVertex(), "temporal", "place")
                .addLayer("forecast", new DenseLayer.Builder().nOut(settings.lstmUnits()).activation(Activation.RELU).build(), "merged")
                .addLayer("hotspot", new OutputLayer.Builder(new LossBinaryXENT()).nOut(1).activation(Activation.SIGMOID).build(), "forecast")
                .setOutputs("hotspot")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    /** Unweighted mean binary cross-entropy: the likelihood of the held-out labels, independent of the class weight. */
    private static double crossEntropy(ComputationGraph graph, HotspotDataSet data) {
        int[] all = IntStream.range(0, data.size()).toArray();
        double sum = 0;
        for (int from = 0; from < all.length; from += EVAL_BATCH) {
            MultiDataSet batch = data.batch(all, from, Math.min(all.length, from + EVAL_BATCH), 1);
            INDArray p = graph.output(false, batch.getFeatures())[0];
            INDArray y = batch.getLabels(0);
            for (int i = 0; i < p.rows(); i++) {
                double q = Math.min(1 - 1e-7, Math.max(1e-7, p.getDouble(i, 0)));
                sum -= y.getDouble(i, 0) > 0 ? Math.log(q) : Math.log(1 - q);
            }
        }
        return sum / data.size();
    }
}
