package io.riskstream.model;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The sparse-attention fraud model: scoring, and exchange of weights one parameter group at a time.
 *
 * <p>Thread-safe: scoring runs under a shared lock, weight writes (imports, training steps) under
 * an exclusive one, so a score never sees half-written weights.
 */
public final class FraudModel implements AutoCloseable {

  private final ModelConfig config;
  private final NDManager manager;
  private final SparseAttentionBlock block;
  private final ParameterStore store;
  private final BatchEncoder encoder;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  private FraudModel(ModelConfig config, NDManager manager, SparseAttentionBlock block) {
    this.config = config;
    this.manager = manager;
    this.block = block;
    this.store = new ParameterStore(manager, false);
    this.encoder = new BatchEncoder(config);
  }

  /** Builds a model whose initial weights depend only on {@code config} (seed included). */
  public static FraudModel create(ModelConfig config) {
    DjlRuntime.configure();
    DjlRuntime.inferenceMode();
    SparseAttentionBlock block = newBlock(config);
    NDManager manager = NDManager.newBaseManager(Device.cpu(), DjlRuntime.ENGINE);
    try {
      block.initialize(
          manager,
          DataType.FLOAT32,
          new Shape(1, config.featureDim()),
          new Shape(1, config.historyLength(), config.featureDim()),
          new Shape(1, config.historyLength()));
      return new FraudModel(config, manager, block);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** A block with the seeded initializer attached to every parameter, in traversal order. */
  private static SparseAttentionBlock newBlock(ModelConfig config) {
    SparseAttentionBlock block = new SparseAttentionBlock(config);
    List<Parameter> parameters = ParameterValues.of(block);
    for (int i = 0; i < parameters.size(); i++) {
      parameters.get(i).setInitializer(new SeededInitializer(config.seed(), i));
    }
    return block;
  }

  public ModelConfig config() {
    return config;
  }

  /** Fraud probabilities in (0, 1), one per input, in input order. */
  public float[] score(List<ScoringInput> batch) {
    if (batch.isEmpty()) {
      return new float[0];
    }
    float[] logits = forward(batch).logits();
    float[] probabilities = new float[logits.length];
    for (int i = 0; i < logits.length; i++) {
      probabilities[i] = probability(logits[i]);
    }
    return probabilities;
  }

  /** Logits plus, per input, the indices into its history of the events the gate kept. */
  record Forward(float[] logits, int[][] kept) {}

  /** Inference forward pass, also reporting the top-k selection (tests inspect it). */
  Forward forward(List<ScoringInput> batch) {
    encoder.validate(batch);
    DjlRuntime.inferenceMode();
    lock.readLock().lock();
    try (NDManager scope = manager.newSubManager()) {
      NDList out = block.forward(store, encoder.encode(scope, batch), false);
      float[] logits = out.get(0).toFloatArray();
      long[] keptIdx = out.get(1).toLongArray();
      float[] keptValid = out.get(2).toFloatArray();
      int k = config.topK();
      int[][] kept = new int[batch.size()][];
      for (int b = 0; b < batch.size(); b++) {
        List<Integer> indices = new ArrayList<>();
        for (int j = 0; j < k; j++) {
          if (keptValid[b * k + j] > 0f) {
            indices.add(encoder.historyIndex(batch.get(b), (int) keptIdx[b * k + j]));
          }
        }
        kept[b] = indices.stream().mapToInt(Integer::intValue).sorted().toArray();
      }
      return new Forward(logits, kept);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Sigmoid in double precision, kept strictly inside (0, 1) even for extreme logits. */
  private static float probability(float logit) {
    float p = (float) (1.0 / (1.0 + Math.exp(-(double) logit)));
    return Math.min(Math.max(p, Float.MIN_VALUE), Math.nextDown(1f));
  }

  public List<String> groups() {
    return ParameterGroups.ALL;
  }

  /** The group's parameters as bytes; {@link #importGroup} of the same config accepts them. */
  public byte[] exportGroup(String group) {
    Block child = requireGroup(group);
    lock.readLock().lock();
    try {
      return GroupPayloads.encode(group, child);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Replaces the group's weights with the payload's. The payload is decoded and validated in a
   * scratch block first, so on any failure this model keeps its previous weights.
   *
   * @throws IllegalArgumentException for an unknown group or a malformed, truncated, mismatched or
   *     non-finite payload
   */
  public void importGroup(String group, byte[] payload) {
    Block live = requireGroup(group);
    DjlRuntime.inferenceMode();
    try (NDManager scratch = manager.newSubManager()) {
      Block scratchBlock = new SparseAttentionBlock(config).group(group);
      List<float[]> values = GroupPayloads.decode(group, payload, live, scratchBlock, scratch);
      writeParameters(ParameterValues.of(live), values);
    }
  }

  private Block requireGroup(String group) {
    Block child = group == null ? null : block.group(group);
    if (child == null) {
      throw new IllegalArgumentException(
          "unknown parameter group '" + group + "', expected one of " + ParameterGroups.ALL);
    }
    return child;
  }

  /** Overwrites parameter values atomically with respect to scoring. */
  void writeParameters(List<Parameter> parameters, List<float[]> values) {
    lock.writeLock().lock();
    try {
      for (int i = 0; i < parameters.size(); i++) {
        ParameterValues.write(parameters.get(i), values.get(i));
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  List<Parameter> parameters(String group) {
    return ParameterValues.of(requireGroup(group));
  }

  List<Parameter> allParameters() {
    return ParameterValues.of(block);
  }

  SparseAttentionBlock block() {
    return block;
  }

  NDManager manager() {
    return manager;
  }

  ParameterStore store() {
    return store;
  }

  BatchEncoder encoder() {
    return encoder;
  }

  ReadWriteLock lock() {
    return lock;
  }

  @Override
  public void close() {
    manager.close();
  }
}
