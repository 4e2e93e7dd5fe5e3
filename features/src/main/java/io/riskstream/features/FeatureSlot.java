package io.riskstream.features;

/**
 * The state of one feature that keeps its own, labelled with the feature's name. The name encodes
 * the kind and the window, so a slot restored under the same name fits the feature. Exactly one
 * part is set, per kind. A Flink POJO.
 */
public class FeatureSlot {
  public String feature;

  /** Of a graph feature: distinct counterparties or fraud-labelled neighbours. */
  public WindowedKeys keys;

  /** Of an aggregate over another entity's feature: its values, bucketed like amounts. */
  public BucketSeries values;

  public FeatureSlot() {}

  FeatureSlot(String feature) {
    this.feature = feature;
  }
}
