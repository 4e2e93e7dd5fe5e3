package io.riskstream.training;

import io.riskstream.features.spec.FeatureDefinition;
import io.riskstream.features.spec.FeatureSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which features of a spec a replay may compute with labels the scorer would not have had yet.
 *
 * <p>An entity stage applies a label as soon as it arrives. Live, a label arrives its label delay
 * after the transaction, so a feature sees only labels known by then. A replay publishes every
 * label up front, so labels may reach a stage before the transactions they would have followed. A
 * fraud rate whose own delay is at least the label delay is exact either way (it only counts
 * transactions whose labels were known); a shorter one, a fraud-labelled-neighbour count (no delay)
 * and anything aggregated over them can see labels early.
 */
final class EarlyLabels {
  private EarlyLabels() {}

  /** Names of the features that may see labels earlier than {@code labelDelay} allows. */
  static List<String> features(FeatureSpec spec, Duration labelDelay) {
    Set<String> early = new HashSet<>();
    List<String> names = new ArrayList<>();
    for (FeatureDefinition feature : spec.features()) {
      boolean sees = false;
      if (feature instanceof FeatureDefinition.FraudRate r) {
        sees = r.delay().compareTo(labelDelay) < 0;
      } else if (feature instanceof FeatureDefinition.FraudNeighbours) {
        sees = !labelDelay.isZero() && !labelDelay.isNegative();
      } else if (feature instanceof FeatureDefinition.Over o) {
        sees = early.contains(o.source().name());
      }
      if (sees) {
        early.add(feature.name());
        names.add(feature.name());
      }
    }
    return names;
  }
}
