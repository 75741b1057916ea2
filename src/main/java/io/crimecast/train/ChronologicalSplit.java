package io.crimecast.train;

import io.crimecast.model.CountFeatures;

import java.time.LocalDate;
import java.util.stream.IntStream;

/**
 * Train, validation and test samples in time order: test = target days from testFrom to testTo; validation =
 * the last share of the target days before testFrom; train = the ones before that. The first target day is the
 * first with enough history for the features.
 */
public record ChronologicalSplit(CountDataset train, CountDataset validation, CountDataset test) {

    public static ChronologicalSplit of(CountMatrix matrix, CountFeatures features, LocalDate testFrom,
                                        LocalDate testToInclusive, double validationShare) {
        int first = features.historyDays();
        int testStart = Math.max(first, Math.min(matrix.days(), matrix.indexOf(testFrom)));
        int testEnd = Math.max(testStart, Math.min(matrix.days(), matrix.indexOf(testToInclusive) + 1));
        int before = testStart - first;
        int validationSize = (int) Math.ceil(before * validationShare);
        if (before - validationSize < 1 || validationSize < 1) {
            throw new IllegalArgumentException("too few days before " + testFrom + " to train: " + before
                    + " usable target days (each needs " + first + " days of history)");
        }
        int validationStart = testStart - validationSize;
        return new ChronologicalSplit(
                new CountDataset(matrix, features, range(first, validationStart)),
                new CountDataset(matrix, features, range(validationStart, testStart)),
                new CountDataset(matrix, features, range(testStart, testEnd)));
    }

    /** For retraining: every day of the matrix is train or validation, the test part is empty. */
    public static ChronologicalSplit forTraining(CountMatrix matrix, CountFeatures features, double validationShare) {
        LocalDate afterEnd = matrix.lastDay().plusDays(1);
        return of(matrix, features, afterEnd, afterEnd, validationShare);
    }

    private static int[] range(int from, int to) {
        return IntStream.range(from, to).toArray();
    }
}
