package io.crimecast.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.weightinit.impl.XavierInitScheme;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Two stacked GRU layers and a linear head in SameDiff: DL4J M2.1 has no GRU layer, but SameDiff's GRU op trains.
 * Input [batch][features][time] like the other kinds; the op itself wants [time][batch][features].
 */
public final class SameDiffGruNetwork implements CountNetwork {
    private static final String INPUT = "input";
    private static final String LABEL = "label";
    private static final String OUTPUT = "output";

    private final SameDiff sd;

    private SameDiffGruNetwork(SameDiff sd) {
        this.sd = sd;
    }

    public static SameDiffGruNetwork create(int features, int window, int hidden, int cells, double learningRate, long seed) {
        Nd4j.getRandom().setSeed(seed);
        SameDiff sd = SameDiff.create();
        SDVariable input = sd.placeHolder(INPUT, DataType.FLOAT, -1, features, window);
        SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, cells);
        SDVariable sequence = input.permute(2, 0, 1);
        SDVariable first = gruLayer(sd, "gru1", sequence, features, hidden);
        SDVariable second = gruLayer(sd, "gru2", first, hidden, hidden);
        // The last step as a masked sum: strided-slice backprop fails in M2.1 when the batch is smaller than the window.
        INDArray lastStep = Nd4j.zeros(DataType.FLOAT, window, 1, 1).putScalar(window - 1, 0, 0, 1f);
        SDVariable last = second.mul(sd.constant("lastStep", lastStep)).sum(0);
        SDVariable w = sd.var("headW", new XavierInitScheme('c', hidden, cells), DataType.FLOAT, hidden, cells);
        SDVariable b = sd.var("headB", Nd4j.zeros(DataType.FLOAT, cells));
        SDVariable output = last.mmul(w).add(OUTPUT, b);
        sd.loss().meanSquaredError("loss", label, output, null);
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(new Adam(learningRate))
                .dataSetFeatureMapping(INPUT)
                .dataSetLabelMapping(LABEL)
                .build());
        return new SameDiffGruNetwork(sd);
    }

    private static SDVariable gruLayer(SameDiff sd, String name, SDVariable sequence, int nIn, int hidden) {
        SDVariable wx = sd.var(name + "Wx", new XavierInitScheme('c', nIn, 3 * hidden), DataType.FLOAT, nIn, 3 * hidden);
        SDVariable wh = sd.var(name + "Wh", new XavierInitScheme('c', hidden, 3 * hidden), DataType.FLOAT, hidden, 3 * hidden);
        SDVariable bias = sd.var(name + "B", Nd4j.zeros(DataType.FLOAT, 3 * hidden));
        // A zero initial state shaped [batch][hidden] for any batch size: summed steps times a zero matrix.
        SDVariable h0 = sequence.sum(0).mmul(sd.constant(name + "Zero", Nd4j.zeros(DataType.FLOAT, nIn, hidden)));
        return sd.rnn().gru(name, sequence, h0, wx, wh, bias);
    }

    public static SameDiffGruNetwork load(byte[] weights) throws IOException {
        return new SameDiffGruNetwork(SameDiff.load(new ByteArrayInputStream(weights), false));
    }

    @Override
    public INDArray output(INDArray features) {
        return sd.outputSingle(Map.of(INPUT, features), OUTPUT);
    }

    @Override
    public void fitEpoch(List<DataSet> batches) {
        // One fit call per epoch: SameDiff sets up a training session on every call.
        sd.fit(new ListDataSetIterator<>(batches, 1), 1);
    }

    @Override
    public INDArray parameters() {
        return Nd4j.toFlattened(trainable().stream().map(SDVariable::getArr).toList());
    }

    @Override
    public void setParameters(INDArray parameters) {
        INDArray flat = parameters.reshape(parameters.length());
        long offset = 0;
        for (SDVariable v : trainable()) {
            INDArray arr = v.getArr();
            long n = arr.length();
            arr.assign(flat.get(NDArrayIndex.interval(offset, offset + n)).reshape(arr.shape()));
            offset += n;
        }
    }

    private List<SDVariable> trainable() {
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE).toList();
    }

    @Override
    public byte[] weights() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sd.save(out, false);
        return out.toByteArray();
    }
}
