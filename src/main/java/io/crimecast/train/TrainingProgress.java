package io.crimecast.train;

import io.crimecast.model.ModelKind;

import java.time.Duration;

/**
 * One finished epoch. {@code validationMse} is in counts squared; {@code estimatedLeft} assumes every remaining
 * epoch runs (early stopping usually ends sooner).
 */
public record TrainingProgress(ModelKind kind, int epoch, int maxEpochs, double trainingLoss, double validationMse,
                               boolean best, Duration elapsed, Duration estimatedLeft) {
}
