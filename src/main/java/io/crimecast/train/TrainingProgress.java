package io.crimecast.train;

import io.crimecast.model.ModelKind;

import java.time.Duration;

/**
 * One finished epoch of the network with {@code window} days of input. {@code trainingMse} and
 * {@code validationMse} are both MSE in counts (squared), over the training and validation days;
 * {@code estimatedLeft} assumes every remaining epoch runs (early stopping usually ends sooner).
 */
public record TrainingProgress(ModelKind kind, int window, int epoch, int maxEpochs, double trainingMse, double validationMse,
                               boolean best, Duration elapsed, Duration estimatedLeft) {
}
