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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fraud network. The current event is embedded (numeric features plus hashed ids) and attends
 * over the card's history; a router picks one expert MLP for it; the shared head turns the expert's
 * output into a logit.
 *
 * <p>Sparse mode attends over a dense window of the newest {@code w} events plus the {@code k}
 * older events the gate ranks highest; kept older events are scaled by the gate's sigmoid, which is
 * what lets the gate learn through the hard top-k. Dense mode attends over all L events, no gate.
 *
 * <p>Inputs: current {@code [B, F]}, history {@code [B, L, F]} (right-aligned: newest at L-1,
 * padding first), validity {@code [B, L]} and, with category slots, buckets {@code [B, S]} (int64).
 * Outputs: logits {@code [B]}; per attended token its padded history position {@code [B, T]}
 * (int64), validity {@code [B, T]} and attention weight {@code [B, T]}; the expert {@code [B]}.
 */
final class FraudNetwork extends AbstractBlock {

  private static final float MASKED = -1e9f;

  private final ModelConfig config;
  private final EventEmbedding embeddings;
  private final GateBlock gate;
  private final MultiHeadAttentionBlock attention;
  private final List<Block> experts = new ArrayList<>();
  private final Linear head;
  private final Map<String, Block> groups = new LinkedHashMap<>();

  FraudNetwork(ModelConfig config) {
    super((byte) 1);
    this.config = config;
    embeddings = new EventEmbedding(config);
    gate = new GateBlock(config);
    attention = new MultiHeadAttentionBlock(config.modelDim(), config.heads());
    head = Linear.builder().setUnits(1).build();
    register(ParameterGroups.EMBEDDINGS, embeddings);
    register(ParameterGroups.GATE, gate);
    register(ParameterGroups.ATTENTION, attention);
    for (int i = 0; i < config.experts(); i++) {
      Block expert =
          new SequentialBlock()
              .add(Linear.builder().setUnits(config.hiddenDim()).build())
              .add(Activation::relu);
      experts.add(expert);
      register(ParameterGroups.expert(i), expert);
    }
    register(ParameterGroups.HEAD, head);
  }

  private void register(String group, Block block) {
    groups.put(group, addChildBlock(group.replace('/', '_'), block));
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
    NDList currentIn = inputs.size() > 3 ? new NDList(current, inputs.get(3)) : new NDList(current);
    NDArray currentEmb = embeddings.forward(store, currentIn, training).head();

    Tokens tokens =
        config.attention() == AttentionMode.DENSE
            ? denseTokens(store, history, valid, training)
            : sparseTokens(store, currentEmb, history, valid, training);
    NDList attended =
        attention.forward(store, new NDList(currentEmb, tokens.embedded, tokens.valid), training);

    NDArray features = NDArrays.concat(new NDList(currentEmb, attended.get(0)), 1);
    Routed routed = route(store, currentEmb, features, training);
    NDArray logits = head.forward(store, new NDList(routed.hidden), training).head().squeeze(1);
    return new NDList(logits, tokens.positions, tokens.valid, attended.get(1), routed.experts);
  }

  private record Tokens(NDArray embedded, NDArray positions, NDArray valid) {}

  private Tokens denseTokens(
      ParameterStore store, NDArray history, NDArray valid, boolean training) {
    long batch = history.getShape().get(0);
    int length = config.historyLength();
    NDArray positions = positions(history.getManager(), 0, length, batch);
    NDArray embedded = embeddings.forward(store, new NDList(history), training).head();
    return new Tokens(embedded, positions, valid);
  }

  private Tokens sparseTokens(
      ParameterStore store, NDArray currentEmb, NDArray history, NDArray valid, boolean training) {
    long batch = history.getShape().get(0);
    int length = config.historyLength();
    int window = config.localWindow();
    int older = length - window;
    NDArray candidates = window == 0 ? history : history.get(":, :{}, :", older);
    NDArray candidateValid = window == 0 ? valid : valid.get(":, :{}", older);

    NDArray gateScore = gate.forward(store, new NDList(currentEmb, candidates), training).head();
    // Padding gets a large negative score so a real event is always preferred over it.
    NDArray ranked = gateScore.add(candidateValid.sub(1f).mul(-MASKED));
    NDArray keptIdx = ranked.topK(config.topK(), 1, true, true).get(1);
    NDArray keptRaw = candidates.gather(keptIdx.expandDims(2).repeat(2, config.featureDim()), 1);
    NDArray keptValid = candidateValid.gather(keptIdx, 1);
    NDArray keptScale = Activation.sigmoid(gateScore.gather(keptIdx, 1));
    if (window == 0) {
      NDArray embedded = embeddings.forward(store, new NDList(keptRaw), training).head();
      return new Tokens(embedded.mul(keptScale.expandDims(2)), keptIdx, keptValid);
    }

    NDArray raw = NDArrays.concat(new NDList(keptRaw, history.get(":, {}:, :", older)), 1);
    NDArray tokenValid = NDArrays.concat(new NDList(keptValid, valid.get(":, {}:", older)), 1);
    NDArray localScale = history.getManager().ones(new Shape(batch, window));
    NDArray scale = NDArrays.concat(new NDList(keptScale, localScale), 1);
    NDArray positions =
        NDArrays.concat(
            new NDList(keptIdx, positions(history.getManager(), older, length, batch)), 1);
    NDArray embedded = embeddings.forward(store, new NDList(raw), training).head();
    return new Tokens(embedded.mul(scale.expandDims(2)), positions, tokenValid);
  }

  /** Positions {@code from..to-1} for every row, int64 {@code [B, to-from]}. */
  private static NDArray positions(NDManager manager, int from, int to, long batch) {
    return manager.arange(from, to).toType(DataType.INT64, false).expandDims(0).repeat(0, batch);
  }

  private record Routed(NDArray hidden, NDArray experts) {}

  /**
   * Evaluates only each row's chosen expert: rows are grouped by expert, each group runs through
   * its expert, and the results are put back in row order. The expert's output is scaled by the
   * router's probability for it, which is how the router learns.
   */
  private Routed route(
      ParameterStore store, NDArray currentEmb, NDArray features, boolean training) {
    NDManager manager = features.getManager();
    long batch = features.getShape().get(0);
    NDArray probabilities = gate.route(store, currentEmb, training);
    NDArray chosen = probabilities.argMax(1).toType(DataType.INT64, false);
    NDArray chosenProbability = probabilities.gather(chosen.expandDims(1), 1);
    if (experts.size() == 1) {
      NDArray hidden = experts.get(0).forward(store, new NDList(features), training).head();
      return new Routed(hidden.mul(chosenProbability), chosen);
    }
    long[] expertOf = chosen.toLongArray();
    long[] order = new long[Math.toIntExact(batch)];
    long[] placeOf = new long[order.length];
    NDList parts = new NDList();
    int filled = 0;
    for (int e = 0; e < experts.size(); e++) {
      int start = filled;
      for (int row = 0; row < expertOf.length; row++) {
        if (expertOf[row] == e) {
          placeOf[row] = filled;
          order[filled++] = row;
        }
      }
      if (filled == start) {
        continue; // an expert no row chose is not evaluated at all
      }
      long[] rows = Arrays.copyOfRange(order, start, filled);
      NDArray rowIndex = manager.create(rows).reshape(rows.length, 1);
      NDArray input = features.gather(rowIndex.repeat(1, features.getShape().get(1)), 0);
      parts.add(experts.get(e).forward(store, new NDList(input), training).head());
    }
    NDArray grouped = parts.size() == 1 ? parts.head() : NDArrays.concat(parts, 0);
    NDArray back = manager.create(placeOf).reshape(batch, 1).repeat(1, config.hiddenDim());
    return new Routed(grouped.gather(back, 0).mul(chosenProbability), chosen);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    int dim = config.modelDim();
    embeddings.initialize(manager, dataType, new Shape(1, config.featureDim()));
    gate.initialize(manager, dataType, new Shape(1, dim), new Shape(1, 1, config.featureDim()));
    attention.initialize(
        manager, dataType, new Shape(1, dim), new Shape(1, 1, dim), new Shape(1, 1));
    for (Block expert : experts) {
      expert.initialize(manager, dataType, new Shape(1, 2L * dim));
    }
    head.initialize(manager, dataType, new Shape(1, config.hiddenDim()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long batch = inputShapes[0].get(0);
    Shape tokens = new Shape(batch, config.attendedEvents());
    return new Shape[] {new Shape(batch), tokens, tokens, tokens, new Shape(batch)};
  }
}
