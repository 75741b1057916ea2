package io.crimecast.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A whole-grid count network: [batch][features][time] in ({@link CountFeatures}), [batch][cells] normalised
 * next-day values out. The same object is trained, snapshotted for early stopping, serialised and served.
 */
public interface CountNetwork {
    INDArray output(INDArray features);

    /** One optimiser step on a minibatch; returns the batch loss. */
    double fit(INDArray features, INDArray labels);

    /** A copy of all trainable parameters, flattened. */
    INDArray parameters();

    void setParameters(INDArray parameters);

    /** Serialised weights without updater state, as stored in a {@link ModelBundle}. */
    byte[] weights();
}
