package io.riskstream.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The {@code gate} group: the two gating networks that decide what is computed at all.
 *
 * <ul>
 *   <li>The history gate scores each older past event against the current one. It reads raw
 *       features through a bilinear form ({@code x_j · Q c + p · x_j}), so scoring all L events
 *       costs O(L·F) and only the selected ones are embedded and attended over.
 *   <li>The router sends each transaction to one expert group.
 * </ul>
 *
 * <p>{@link #forward} computes the history gate: inputs current embedding {@code [B, D]} and
 * candidates {@code [B, L', F]}, output scores {@code [B, L']}.
 */
final class GateBlock extends AbstractBlock {

  private final ModelConfig config;
  private final Linear query;
  private final Linear prior;
  private final Linear router;

  GateBlock(ModelConfig config) {
    super((byte) 1);
    this.config = config;
    query = addChildBlock("query", Linear.builder().setUnits(config.featureDim()).build());
    prior = addChildBlock("prior", Linear.builder().setUnits(1).build());
    router = addChildBlock("router", Linear.builder().setUnits(config.experts()).build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray currentEmb = inputs.get(0);
    NDArray candidates = inputs.get(1);
    NDArray q = query.forward(store, new NDList(currentEmb), training).head().expandDims(2);
    NDArray bilinear = candidates.matMul(q).squeeze(2);
    NDArray own = prior.forward(store, new NDList(candidates), training).head().squeeze(2);
    return new NDList(bilinear.div((float) Math.sqrt(config.featureDim())).add(own));
  }

  /** Router probabilities over the experts, {@code [B, E]}. */
  NDArray route(ParameterStore store, NDArray currentEmb, boolean training) {
    return router.forward(store, new NDList(currentEmb), training).head().softmax(1);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape embedded = new Shape(1, config.modelDim());
    query.initialize(manager, dataType, embedded);
    prior.initialize(manager, dataType, new Shape(1, config.featureDim()));
    router.initialize(manager, dataType, embedded);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape candidates = inputShapes[1];
    return new Shape[] {new Shape(candidates.get(0), candidates.get(1))};
  }
}
