package io.crimecast.train;

import io.crimecast.model.CountNetwork;
import io.crimecast.model.ModelKind;
import io.crimecast.model.MultiLayerCountNetwork;
import io.crimecast.model.SameDiffGruNetwork;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.List;

/** Builds the untrained network of each count kind, the architectures of paper 000. */
public final class CountNetworks {
    private static final int CONV_FILTERS = 32;
    private static final int CONV_KERNEL = 3;

    private CountNetworks() {
    }

    public static CountNetwork create(ModelKind kind, int cells, TrainSettings s) {
        int features = s.features().featureCount(cells);
        if (kind == ModelKind.GRU) {
            return SameDiffGruNetwork.create(features, s.window(), s.hidden(), cells, s.learningRate(), s.seed());
        }
        List<Layer> layers = new ArrayList<>();
        int h = s.hidden();
        switch (kind) {
            case LSTM -> {
                layers.add(new LSTM.Builder().nIn(features).nOut(h).activation(Activation.TANH).build());
                layers.add(new LastTimeStep(new LSTM.Builder().nIn(h).nOut(h).activation(Activation.TANH).build()));
            }
            case RNN -> {
                layers.add(new SimpleRnn.Builder().nIn(features).nOut(h).activation(Activation.TANH).build());
                layers.add(new LastTimeStep(new SimpleRnn.Builder().nIn(h).nOut(h).activation(Activation.TANH).build()));
            }
            case CNN_LSTM -> {
                layers.add(new Convolution1DLayer.Builder().kernelSize(CONV_KERNEL).nIn(features).nOut(CONV_FILTERS)
                        .convolutionMode(ConvolutionMode.Same).rnnDataFormat(RNNFormat.NCW).activation(Activation.RELU).build());
                layers.add(new LSTM.Builder().nIn(CONV_FILTERS).nOut(h).activation(Activation.TANH).build());
                layers.add(new LastTimeStep(new LSTM.Builder().nIn(h).nOut(h).activation(Activation.TANH).build()));
            }
            default -> throw new IllegalArgumentException(kind.cliName() + " is not a count network");
        }
        layers.add(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(h).nOut(cells).activation(Activation.IDENTITY).build());
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(s.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(s.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        for (Layer layer : layers) {
            list.layer(layer);
        }
        MultiLayerNetwork network = new MultiLayerNetwork(list.setInputType(InputType.recurrent(features, s.window(), RNNFormat.NCW)).build());
        network.init();
        return new MultiLayerCountNetwork(network);
    }
}
