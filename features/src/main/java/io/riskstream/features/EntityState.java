package io.riskstream.features;

/**
 * Everything one entity (a card, a terminal, …) keeps in keyed state: its bucketed transactions,
 * the time of its previous transaction, and one distinct-counterparty counter per graph feature. A
 * Flink POJO.
 */
public class EntityState {
  public BucketSeries buckets;
  public long previousEventTime = Long.MIN_VALUE;
  public DistinctCounter[] distinct = new DistinctCounter[0];

  public EntityState() {}
}
