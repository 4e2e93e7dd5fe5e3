/**
 * The quality measures of {@code riskstream evaluate}, computed from each model's {@link
 * io.riskstream.evaluation.Scored} transactions: {@link
 * io.riskstream.evaluation.metrics.FraudMetrics} (AUC ROC, average precision, the handbook's CP@100
 * in {@link io.riskstream.evaluation.metrics.CardPrecision}, recall at 1% false-positive rate, all
 * overall and per UTC day), {@link io.riskstream.evaluation.metrics.ScoreHistogram} for the score
 * distributions, and {@link io.riskstream.evaluation.metrics.VersionLog} for the platform's model
 * versions and the staleness of their scores. Plain Java, no Flink: the replay collects, these
 * measure afterwards.
 */
package io.riskstream.evaluation.metrics;
