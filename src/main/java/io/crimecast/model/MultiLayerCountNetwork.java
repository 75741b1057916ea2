package io.crimecast.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** LSTM, SimpleRNN and CNN-LSTM: DL4J MultiLayerNetworks that differ only in their configuration. */
public final class MultiLayerCountNetwork implements CountNetwork {
    private final MultiLayerNetwork network;

    public MultiLayerCountNetwork(MultiLayerNetwork network) {
        this.network = network;
    }

    public static MultiLayerCountNetwork load(byte[] weights) throws IOException {
        return new MultiLayerCountNetwork(ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(weights), false));
    }

    @Override
    public INDArray output(INDArray features) {
        return network.output(features, false);
    }

    @Override
    public void fitEpoch(List<DataSet> batches) {
        for (DataSet batch : batches) {
            network.fit(batch);
        }
    }

    @Override
    public INDArray parameters() {
        return network.params().dup();
    }

    @Override
    public void setParameters(INDArray parameters) {
        network.setParams(parameters);
    }

    @Override
    public byte[] weights() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(network, out, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
