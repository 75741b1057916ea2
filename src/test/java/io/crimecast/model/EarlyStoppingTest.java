package io.crimecast.model;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EarlyStoppingTest {

    /** A stand-in network whose parameter is its epoch count and whose validation loss follows a given curve. */
    private static final class Curve implements EarlyStopping.Trainable {
        private final double[] losses;
        private final List<int[]> orders = new ArrayList<>();
        private double epoch;

        Curve(double... losses) {
            this.losses = losses;
        }

        @Override
        public void fitEpoch(int[] order) {
            orders.add(order.clone());
            epoch++;
        }

        @Override
        public double validationLoss() {
            return losses[(int) epoch - 1];
        }

        @Override
        public INDArray parameters() {
            return Nd4j.scalar(epoch);
        }

        @Override
        public void setParameters(INDArray parameters) {
            epoch = parameters.getDouble(0);
        }
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovementAndRestoresTheBestEpoch() {
        Curve network = new Curve(5, 3, 2, 2.5, 2.1, 2.2, 1.0);
        List<EarlyStopping.Epoch> seen = new ArrayList<>();
        EarlyStopping.Outcome outcome = EarlyStopping.train(network, 10, new EarlyStopping.Limits(20, 3, 7), seen::add);

        assertThat(outcome.epochs()).as("epoch 3 is best, 4-6 are not better").isEqualTo(6);
        assertThat(outcome.bestEpoch()).isEqualTo(3);
        assertThat(outcome.bestLoss()).isEqualTo(2.0);
        assertThat(network.epoch).as("the best epoch's parameters are restored").isEqualTo(3.0);
        assertThat(seen).extracting(EarlyStopping.Epoch::best).containsExactly(true, true, true, false, false, false);
    }

    @Test
    void eachEpochSeesEverySampleOnceInASeededOrder() {
        Curve a = new Curve(3, 2, 1);
        Curve b = new Curve(3, 2, 1);
        EarlyStopping.train(a, 50, new EarlyStopping.Limits(3, 3, 11), e -> { });
        EarlyStopping.train(b, 50, new EarlyStopping.Limits(3, 3, 11), e -> { });

        assertThat(a.orders).hasSize(3);
        a.orders.forEach(order -> assertThat(order).containsExactlyInAnyOrder(java.util.stream.IntStream.range(0, 50).toArray()));
        assertThat(a.orders.get(0)).isNotEqualTo(a.orders.get(1));
        assertThat(b.orders.get(2)).isEqualTo(a.orders.get(2));
    }
}
