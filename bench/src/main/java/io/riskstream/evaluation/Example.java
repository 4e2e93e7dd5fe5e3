package io.riskstream.evaluation;

/**
 * A scored transaction's feature vector (exactly what the platform's scorer saw, from its feature
 * snapshot) with its label, for the baselines that learn from the same features.
 */
public record Example(String cardId, long eventTime, float[] features, boolean fraud) {}
