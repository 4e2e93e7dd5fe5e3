package io.riskstream.features;

/**
 * Everything one entity (a card, a terminal, …) keeps in keyed state: its bucketed transactions,
 * the time of its previous transaction, and one named slot per feature that keeps its own state
 * (graph features). Slots are found by feature name, not position, so that state restored from a
 * savepoint of an older spec can be matched to the current one ({@link EntityFeatures#adapt}). A
 * Flink POJO, so that its serializer can evolve with it.
 */
public class EntityState {
  public BucketSeries buckets;
  public long previousEventTime = Long.MIN_VALUE;
  public FeatureSlot[] slots = new FeatureSlot[0];

  public EntityState() {}
}
