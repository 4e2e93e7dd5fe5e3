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
 * Multi-head attention of one query (the current event) over a few kept past events.
 *
 * <p>Inputs: query {@code [B, D]}, keys/values {@code [B, K, D]}, key validity {@code [B, K]} (1 =
 * real event). Outputs: context {@code [B, D]} (rows without any valid key get exactly zero, so a
 * card without history contributes nothing and never produces NaN) and the attention weights
 * averaged over heads {@code [B, K]} (reason codes report them).
 */
final class MultiHeadAttentionBlock extends AbstractBlock {

  private static final float MASKED = -1e9f;

  private final int modelDim;
  private final int heads;
  private final Linear query;
  private final Linear key;
  private final Linear value;
  private final Linear output;

  MultiHeadAttentionBlock(int modelDim, int heads) {
    super((byte) 1);
    this.modelDim = modelDim;
    this.heads = heads;
    query = addChildBlock("query", Linear.builder().setUnits(modelDim).build());
    key = addChildBlock("key", Linear.builder().setUnits(modelDim).build());
    value = addChildBlock("value", Linear.builder().setUnits(modelDim).build());
    output = addChildBlock("output", Linear.builder().setUnits(modelDim).build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray q = inputs.get(0);
    NDArray kv = inputs.get(1);
    NDArray keyMask = inputs.get(2);
    long batch = q.getShape().get(0);
    long kept = kv.getShape().get(1);
    int headDim = modelDim / heads;

    // [B, h, 1, dh] x [B, h, dh, K] -> [B, h, 1, K]
    NDArray qh = apply(query, store, q, training).reshape(batch, heads, 1, headDim);
    NDArray kh = splitHeads(apply(key, store, kv, training), batch, kept, headDim);
    NDArray vh = splitHeads(apply(value, store, kv, training), batch, kept, headDim);
    NDArray logits = qh.matMul(kh.transpose(0, 1, 3, 2)).div((float) Math.sqrt(headDim));

    NDArray mask = keyMask.reshape(batch, 1, 1, kept);
    NDArray weights = logits.add(mask.sub(1f).mul(-MASKED)).softmax(-1).mul(mask);
    NDArray context = weights.matMul(vh).reshape(batch, modelDim);

    // Zero (not merely bias) for rows with no valid key: the output bias would otherwise leak in.
    NDArray anyValid = keyMask.max(new int[] {1}, true);
    NDArray meanWeights = weights.mean(new int[] {1}).reshape(batch, kept);
    return new NDList(apply(output, store, context, training).mul(anyValid), meanWeights);
  }

  private static NDArray apply(Linear layer, ParameterStore store, NDArray x, boolean training) {
    return layer.forward(store, new NDList(x), training).singletonOrThrow();
  }

  private NDArray splitHeads(NDArray x, long batch, long kept, int headDim) {
    return x.reshape(batch, kept, heads, headDim).transpose(0, 2, 1, 3);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape vector = new Shape(1, modelDim);
    query.initialize(manager, dataType, vector);
    key.initialize(manager, dataType, vector);
    value.initialize(manager, dataType, vector);
    output.initialize(manager, dataType, vector);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0], inputShapes[2]};
  }
}
