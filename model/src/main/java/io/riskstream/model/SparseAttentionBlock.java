package io.riskstream.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fraud network: embed the current event and the card's history, let a gate pick the top-k past
 * events (dynamic sparse attention), attend from the current event over them, and score.
 *
 * <p>Inputs: current {@code [B, F]}, history {@code [B, L, F]} (zero padded), validity {@code [B,
 * L]} (1 = real event). Outputs: logits {@code [B]} and the kept history positions {@code [B, K]}
 * with their validity {@code [B, K]} (the last two explain the selection; tests use them).
 */
final class SparseAttentionBlock extends AbstractBlock {

  private static final float MASKED = -1e9f;

  private final ModelConfig config;
  private final SequentialBlock embeddings;
  private final Linear gate;
  private final MultiHeadAttentionBlock attention;
  private final SequentialBlock head;
  private final Map<String, Block> groups = new LinkedHashMap<>();

  SparseAttentionBlock(ModelConfig config) {
    super((byte) 1);
    this.config = config;
    embeddings =
        new SequentialBlock()
            .add(Linear.builder().setUnits(config.modelDim()).build())
            .add(Activation::tanh);
    gate = Linear.builder().setUnits(1).build();
    attention = new MultiHeadAttentionBlock(config.modelDim(), config.heads());
    head =
        new SequentialBlock()
            .add(Linear.builder().setUnits(config.hiddenDim()).build())
            .add(Activation::relu)
            .add(Linear.builder().setUnits(1).build());
    groups.put(ParameterGroups.EMBEDDINGS, addChildBlock(ParameterGroups.EMBEDDINGS, embeddings));
    groups.put(ParameterGroups.GATE, addChildBlock(ParameterGroups.GATE, gate));
    groups.put(ParameterGroups.ATTENTION, addChildBlock(ParameterGroups.ATTENTION, attention));
    groups.put(ParameterGroups.HEAD, addChildBlock(ParameterGroups.HEAD, head));
  }

  /** The child block holding a parameter group, or null for an unknown name. */
  Block group(String name) {
    return groups.get(name);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray current = inputs.get(0);
    NDArray history = inputs.get(1);
    NDArray valid = inputs.get(2);
    long batch = current.getShape().get(0);
    long length = history.getShape().get(1);
    int dim = config.modelDim();

    NDArray currentEmb = embeddings.forward(store, new NDList(current), training).head();
    NDArray historyEmb = embeddings.forward(store, new NDList(history), training).head();

    // The gate sees each past event next to the current one: relevance is conditional.
    NDArray currentTiled = currentEmb.expandDims(1).broadcast(new Shape(batch, length, dim));
    NDArray gateIn = NDArrays.concat(new NDList(historyEmb, currentTiled), 2);
    NDArray gateScore = gate.forward(store, new NDList(gateIn), training).head().squeeze(2);

    // Padding gets a large negative score so a real event is always preferred over it.
    NDArray ranked = gateScore.add(valid.sub(1f).mul(-MASKED));
    NDArray keptIdx = ranked.topK(config.topK(), 1, true, true).get(1);
    NDArray keptValid = valid.gather(keptIdx, 1);
    NDArray keptGate = gateScore.gather(keptIdx, 1);
    NDArray keptEmb =
        historyEmb
            .gather(keptIdx.expandDims(2).repeat(2, dim), 1)
            // Scaling by the gate's own probability is what lets the gate learn through top-k.
            .mul(Activation.sigmoid(keptGate).expandDims(2));
    NDArray attended =
        attention.forward(store, new NDList(currentEmb, keptEmb, keptValid), training).head();

    NDArray headIn = NDArrays.concat(new NDList(currentEmb, attended), 1);
    NDArray logits = head.forward(store, new NDList(headIn), training).head().squeeze(1);
    return new NDList(logits, keptIdx, keptValid);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    int dim = config.modelDim();
    embeddings.initialize(manager, dataType, new Shape(1, config.featureDim()));
    gate.initialize(manager, dataType, new Shape(1, 2L * dim));
    attention.initialize(
        manager, dataType, new Shape(1, dim), new Shape(1, 1, dim), new Shape(1, 1));
    head.initialize(manager, dataType, new Shape(1, 2L * dim));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long batch = inputShapes[0].get(0);
    Shape kept = new Shape(batch, config.topK());
    return new Shape[] {new Shape(batch), kept, kept};
  }
}
