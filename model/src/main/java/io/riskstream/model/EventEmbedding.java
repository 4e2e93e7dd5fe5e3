package io.riskstream.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The {@code embeddings} group: a projection of the numeric features and a hashed embedding table
 * for categorical ids, summed and squashed into one model-width vector per event.
 *
 * <p>Inputs: features {@code [..., F]} and, for the current event only, bucket rows {@code [B, S]}
 * (int64, from {@link BatchEncoder}). History events have no ids in the snapshot, so they use the
 * projection alone.
 */
final class EventEmbedding extends AbstractBlock {

  private final ModelConfig config;
  private final Linear numeric;
  private final Parameter table;

  EventEmbedding(ModelConfig config) {
    super((byte) 1);
    this.config = config;
    numeric = addChildBlock("numeric", Linear.builder().setUnits(config.modelDim()).build());
    table =
        config.categorySlots() == 0
            ? null
            : addParameter(
                Parameter.builder()
                    .setName("table")
                    .setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(config.hashBuckets(), config.modelDim()))
                    .build());
  }

  /** The hashed-id table {@code [hashBuckets, modelDim]}, or null without category slots. */
  Parameter table() {
    return table;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray projected = numeric.forward(store, new NDList(inputs.get(0)), training).head();
    if (inputs.size() > 1 && table != null) {
      projected = projected.add(lookup(store, inputs.get(1), training));
    }
    return new NDList(Activation.tanh(projected));
  }

  /** Sum over slots of the rows {@code buckets [B, S]} name: {@code [B, D]}. */
  private NDArray lookup(ParameterStore store, NDArray buckets, boolean training) {
    NDArray weights = store.getValue(table, buckets.getDevice(), training);
    long batch = buckets.getShape().get(0);
    long slots = buckets.getShape().get(1);
    int dim = config.modelDim();
    // gather (not one-hot times table) so the cost is per looked-up row, not per bucket.
    NDArray rows = weights.gather(buckets.reshape(batch * slots, 1).repeat(1, dim), 0);
    // A result belongs to its first operand's manager, here the model's: hand it to the batch's
    // scope, or every call would leak one array until the model is closed.
    rows.attach(buckets.getManager());
    return rows.reshape(batch, slots, dim).sum(new int[] {1});
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    numeric.initialize(manager, dataType, new Shape(1, config.featureDim()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {in.slice(0, in.dimension() - 1).add(config.modelDim())};
  }
}
