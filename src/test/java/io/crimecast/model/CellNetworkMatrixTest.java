package io.crimecast.model;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

/** The bulk copy into a matrix gives what Nd4j's element-wise copy gives, in the same places. */
class CellNetworkMatrixTest {
    @Test
    void bulkCopyEqualsElementWiseCopy() {
        float[] values = new float[7 * 25];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.5f - 3;
        }
        assertThat(CellNetwork.matrix(values, 7, 25)).isEqualTo(Nd4j.createFromArray(values).reshape(7, 25));
        assertThat(CellNetwork.matrix(values, 7, 25).getFloat(2, 3)).isEqualTo(values[2 * 25 + 3]);
    }
}
