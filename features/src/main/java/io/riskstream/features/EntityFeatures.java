package io.riskstream.features;

import io.riskstream.features.spec.Aggregate;
import io.riskstream.features.spec.Entity;
import io.riskstream.features.spec.FeatureDefinition;
import io.riskstream.features.spec.FeatureDefinition.AmountZScore;
import io.riskstream.features.spec.FeatureDefinition.Distinct;
import io.riskstream.features.spec.FeatureDefinition.FraudRate;
import io.riskstream.features.spec.FeatureDefinition.SincePrevious;
import io.riskstream.features.spec.FeatureDefinition.Window;
import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.features.spec.WindowTotals;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes one entity's features from its state, per transaction, in event-time order: the
 * transaction is first added (windows end at and include it), then each declared feature of the
 * entity is written into the record. Plain Java: the Flink function around it only keeps the state.
 */
public final class EntityFeatures implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Entity entity;
  private final long bucketMillis;
  private final long horizonMillis;
  private final List<Integer> indexes = new ArrayList<>();
  private final List<FeatureDefinition> features = new ArrayList<>();
  private final List<Distinct> distinct = new ArrayList<>();

  public EntityFeatures(FeatureSpec spec, Entity entity) {
    this.entity = entity;
    this.bucketMillis = spec.bucket().toMillis();
    this.horizonMillis = Math.max(spec.horizon(entity).toMillis(), bucketMillis);
    for (int i = 0; i < spec.size(); i++) {
      FeatureDefinition feature = spec.features().get(i);
      if (feature.entity() == entity) {
        indexes.add(i);
        features.add(feature);
        if (feature instanceof Distinct d) {
          distinct.add(d);
        }
      }
    }
  }

  public Entity entity() {
    return entity;
  }

  public EntityState newState() {
    EntityState state = new EntityState();
    state.buckets = new BucketSeries(bucketMillis, horizonMillis);
    state.distinct = new DistinctCounter[distinct.size()];
    for (int i = 0; i < distinct.size(); i++) {
      state.distinct[i] = new DistinctCounter(distinct.get(i).window().toMillis());
    }
    return state;
  }

  /** Adds the transaction to the entity's state and writes the entity's features into it. */
  public void onTransaction(EntityState state, FeatureRecord record) {
    long t = record.eventTime;
    state.buckets.addTransaction(t, record.amount);
    double secondsSincePrevious =
        state.previousEventTime == Long.MIN_VALUE ? 0 : (t - state.previousEventTime) / 1000.0;
    state.previousEventTime = Math.max(state.previousEventTime, t);
    int d = 0;
    for (int f = 0; f < features.size(); f++) {
      FeatureDefinition feature = features.get(f);
      double value;
      if (feature instanceof Window w) {
        value = w.aggregate().of(window(state, t, w.window(), w.delay()));
      } else if (feature instanceof FraudRate r) {
        value = fraudRate(window(state, t, r.window(), r.delay()));
      } else if (feature instanceof AmountZScore z) {
        value = zScore(record.amount, window(state, t, z.window(), Duration.ZERO));
      } else if (feature instanceof Distinct x) {
        value = distinctCount(state.distinct[d++], x.counterparty().keyOf(record), t);
      } else if (feature instanceof SincePrevious) {
        value = secondsSincePrevious;
      } else {
        throw new IllegalStateException("not an entity feature: " + feature);
      }
      record.values[indexes.get(f)] = value;
    }
  }

  /** A label of one of the entity's transactions: counts in that transaction's bucket. */
  public void onLabel(EntityState state, LabelEvent label) {
    state.buckets.addFraud(label.eventTime, label.fraudDelta);
  }

  private static WindowTotals window(EntityState state, long t, Duration window, Duration delay) {
    long end = t - delay.toMillis();
    return state.buckets.totals(end - window.toMillis(), end);
  }

  /** A transaction that names no counterparty (no device, say) counts as one unknown one. */
  private static double distinctCount(DistinctCounter counter, String counterparty, long t) {
    return counter.observe(counterparty == null ? "" : counterparty, t);
  }

  private static double fraudRate(WindowTotals totals) {
    return totals.count() == 0 ? 0 : (double) totals.frauds() / totals.count();
  }

  private static double zScore(double amount, WindowTotals totals) {
    double mean = Aggregate.MEAN.of(totals);
    double std = Aggregate.STD.of(totals);
    return std == 0 ? 0 : (amount - mean) / std;
  }
}
