package io.crimecast.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;

/**
 * A whole-grid count network: [batch][features][time] in ({@link CountFeatures}), [batch][cells] normalised
 * next-day values out. The same object is trained, snapshotted for early stopping, serialised and served.
 */
public interface CountNetwork {
    INDArray output(INDArray features);

    /** One epoch: an optimiser step per minibatch, in the given order. */
    void fitEpoch(List<DataSet> batches);

    /** A copy of all trainable parameters, flattened. */
    INDArray parameters();

    void setParameters(INDArray parameters);

    /** Serialised weights without updater state, as stored in a {@link ModelBundle}. */
    byte[] weights();
}
