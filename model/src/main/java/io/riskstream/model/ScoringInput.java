package io.riskstream.model;

/**
 * One event to score: its feature vector and the card's previous feature vectors, oldest first.
 * Only the newest {@link ModelConfig#historyLength()} history vectors are used; any length,
 * including zero (or null), is accepted. Vector widths are checked against the model when scoring.
 */
public record ScoringInput(float[] current, float[][] history) {}
