package io.crimecast.model;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.time.Duration;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The training loop every network here shares: one pass over the samples per epoch in a seeded shuffled order, a
 * validation loss after each, and early stopping that restores the parameters of the best epoch.
 */
public final class EarlyStopping {
    private EarlyStopping() {
    }

    /** @param patience epochs without a lower validation loss before training stops */
    public record Limits(int maxEpochs, int patience, long seed) {
        public Limits {
            if (maxEpochs < 1 || patience < 1) {
                throw new IllegalArgumentException("maxEpochs and patience must be positive, were " + maxEpochs + " and " + patience);
            }
        }
    }

    /** A network as the loop sees it. */
    public interface Trainable {
        /** One pass over the samples, in this order. */
        void fitEpoch(int[] order);

        /** The loss on the validation samples; lower is better. */
        double validationLoss();

        /** A copy of the parameters. */
        INDArray parameters();

        void setParameters(INDArray parameters);
    }

    /** After each epoch: its number, the validation loss, whether it is the best so far, and the time since the start. */
    public record Epoch(int epoch, int maxEpochs, double validationLoss, boolean best, Duration elapsed) {
        public Duration remainingAtMost() {
            return elapsed.dividedBy(epoch).multipliedBy(maxEpochs - epoch);
        }
    }

    /** How it went; the network holds the best epoch's parameters. */
    public record Outcome(int epochs, int bestEpoch, double bestLoss, double seconds) {
        public double secondsPerEpoch() {
            return epochs == 0 ? 0 : seconds / epochs;
        }
    }

    public static Outcome train(Trainable network, int samples, Limits limits, Consumer<Epoch> progress) {
        Random random = new Random(limits.seed());
        int[] order = IntStream.range(0, samples).toArray();
        INDArray best = network.parameters();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int epoch = 0;
        long start = System.nanoTime();
        while (epoch < limits.maxEpochs() && epoch - bestEpoch < limits.patience()) {
            epoch++;
            shuffle(order, random);
            network.fitEpoch(order);
            double loss = network.validationLoss();
            boolean improved = loss < bestLoss;
            if (improved) {
                bestLoss = loss;
                bestEpoch = epoch;
                best = network.parameters();
            }
            progress.accept(new Epoch(epoch, limits.maxEpochs(), loss, improved, Duration.ofNanos(System.nanoTime() - start)));
        }
        network.setParameters(best);
        return new Outcome(epoch, bestEpoch, bestLoss, (System.nanoTime() - start) / 1e9);
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
