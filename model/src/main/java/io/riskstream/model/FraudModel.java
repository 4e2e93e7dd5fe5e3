package io.riskstream.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The fraud model: scoring, explanations, and exchange of weights one parameter group at a time.
 *
 * <p>Thread-safe: scoring runs under a shared lock, weight writes (imports, training steps) under
 * an exclusive one, so a score never sees half-written weights. Serving code still uses one model
 * per thread, as DJL advises for predictors.
 */
public final class FraudModel implements AutoCloseable {

  private final ModelConfig config;
  private final NDManager manager;
  private final FraudNetwork network;
  private final ParameterStore store;
  private final BatchEncoder encoder;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  private FraudModel(ModelConfig config, NDManager manager, FraudNetwork network) {
    this.config = config;
    this.manager = manager;
    this.network = network;
    this.store = new ParameterStore(manager, false);
    this.encoder = new BatchEncoder(config);
  }

  /** Builds a model on the CPU whose initial weights depend only on {@code config}. */
  public static FraudModel create(ModelConfig config) {
    return create(config, Device.cpu());
  }

  /** Builds a model on the device {@code preference} resolves to on this machine. */
  public static FraudModel create(ModelConfig config, DevicePreference preference) {
    return create(config, preference.resolve());
  }

  /** Builds a model on {@code device}; initial weights are the same on every device. */
  public static FraudModel create(ModelConfig config, Device device) {
    DjlRuntime.inferenceMode();
    FraudNetwork network = newNetwork(config);
    NDManager manager = NDManager.newBaseManager(device, DjlRuntime.ENGINE);
    try {
      Shape[] inputs = {
        new Shape(1, config.featureDim()),
        new Shape(1, config.historyLength(), config.featureDim()),
        new Shape(1, config.historyLength()),
        new Shape(1, config.categorySlots())
      };
      network.initialize(manager, DataType.FLOAT32, inputs);
      return new FraudModel(config, manager, network);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** A network with the seeded initializer attached to every parameter, in traversal order. */
  private static FraudNetwork newNetwork(ModelConfig config) {
    FraudNetwork network = new FraudNetwork(config);
    List<Parameter> parameters = ParameterValues.of(network);
    for (int i = 0; i < parameters.size(); i++) {
      parameters.get(i).setInitializer(new SeededInitializer(config.seed(), i));
    }
    return network;
  }

  public ModelConfig config() {
    return config;
  }

  public Device device() {
    return manager.getDevice();
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

  /**
   * Logits plus, per input, the history indices of the events the attention read (ascending) and
   * the expert the router chose.
   */
  record Forward(float[] logits, int[][] attended, int[] experts) {}

  /** Inference forward pass, also reporting the selection (tests inspect it). */
  Forward forward(List<ScoringInput> batch) {
    encoder.validate(batch);
    DjlRuntime.inferenceMode();
    lock.readLock().lock();
    try (NDManager scope = manager.newSubManager()) {
      NDList out = network.forward(store, encoder.encode(scope, batch), false);
      List<List<Explanation.AttendedEvent>> events = attendedEvents(batch, out);
      int[][] attended = new int[batch.size()][];
      for (int b = 0; b < attended.length; b++) {
        attended[b] =
            events.get(b).stream()
                .mapToInt(Explanation.AttendedEvent::historyIndex)
                .sorted()
                .toArray();
      }
      return new Forward(out.get(0).toFloatArray(), attended, toInts(out.get(4)));
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Explains each input's score: the past events attended over with their weights, and the {@code
   * topFeatures} strongest feature contributions (gradient × input on the logit, one backward pass
   * for the whole batch). Meant for the few flagged scores, not every score.
   */
  public List<Explanation> explain(List<ScoringInput> batch, int topFeatures) {
    if (batch.isEmpty()) {
      return List.of();
    }
    encoder.validate(batch);
    synchronized (DjlRuntime.COLLECTOR_LOCK) {
      lock.readLock().lock();
      try (NDManager scope = manager.newSubManager()) {
        NDList inputs = encoder.encode(scope, batch);
        NDArray current = inputs.get(0);
        NDList out;
        float[] gradient;
        try (GradientCollector collector =
            Engine.getEngine(DjlRuntime.ENGINE).newGradientCollector()) {
          current.setRequiresGradient(true);
          out = network.forward(store, inputs, false);
          collector.backward(out.get(0).sum());
          gradient = current.getGradient().toFloatArray();
        }
        List<List<Explanation.AttendedEvent>> events = attendedEvents(batch, out);
        int[] experts = toInts(out.get(4));
        List<Explanation> explanations = new ArrayList<>(batch.size());
        for (int b = 0; b < batch.size(); b++) {
          explanations.add(
              new Explanation(
                  events.get(b),
                  contributions(batch.get(b).current(), gradient, b, topFeatures),
                  experts[b]));
        }
        return explanations;
      } finally {
        DjlRuntime.inferenceMode(); // the collector may have left grad mode on
        Gradients.reset(ParameterValues.of(network), manager);
        lock.readLock().unlock();
      }
    }
  }

  private List<Explanation.FeatureContribution> contributions(
      float[] current, float[] gradient, int row, int top) {
    int width = config.featureDim();
    List<Explanation.FeatureContribution> all = new ArrayList<>(width);
    for (int f = 0; f < width; f++) {
      all.add(new Explanation.FeatureContribution(f, gradient[row * width + f] * current[f]));
    }
    all.sort(
        Comparator.comparingDouble(
            (Explanation.FeatureContribution c) -> -Math.abs(c.contribution())));
    return List.copyOf(all.subList(0, Math.min(top, width)));
  }

  /** Per input, the valid attended events, strongest first, as indices into its history. */
  private List<List<Explanation.AttendedEvent>> attendedEvents(
      List<ScoringInput> batch, NDList out) {
    long[] positions = out.get(1).toLongArray();
    float[] valid = out.get(2).toFloatArray();
    float[] weights = out.get(3).toFloatArray();
    int tokens = config.attendedEvents();
    List<List<Explanation.AttendedEvent>> result = new ArrayList<>(batch.size());
    for (int b = 0; b < batch.size(); b++) {
      List<Explanation.AttendedEvent> events = new ArrayList<>();
      for (int t = 0; t < tokens; t++) {
        int i = b * tokens + t;
        if (valid[i] > 0f) {
          int index = encoder.historyIndex(batch.get(b), (int) positions[i]);
          events.add(new Explanation.AttendedEvent(index, weights[i]));
        }
      }
      events.sort(Comparator.comparingDouble((Explanation.AttendedEvent e) -> -e.weight()));
      result.add(List.copyOf(events));
    }
    return result;
  }

  private static int[] toInts(NDArray array) {
    long[] values = array.toLongArray();
    int[] ints = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      ints[i] = Math.toIntExact(values[i]);
    }
    return ints;
  }

  /** Sigmoid in double precision, kept strictly inside (0, 1) even for extreme logits. */
  private static float probability(float logit) {
    float p = (float) (1.0 / (1.0 + Math.exp(-(double) logit)));
    return Math.min(Math.max(p, Float.MIN_VALUE), Math.nextDown(1f));
  }

  /** The parameter groups of this model, in the order the network applies them. */
  public List<String> groups() {
    return ParameterGroups.of(config);
  }

  /** The group's parameters as a payload stamped with {@code modelId} and {@code version}. */
  public byte[] exportGroup(String group, String modelId, long version) {
    Block child = requireGroup(group);
    lock.readLock().lock();
    try {
      return GroupPayloads.encode(new PayloadHeader(modelId, version, group), child);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The L2 norm of all of the group's weights (NaN when any weight is not finite). */
  public double weightNorm(String group) {
    List<Parameter> parameters = parameters(group);
    double sumSquares = 0;
    lock.readLock().lock();
    try {
      for (Parameter parameter : parameters) {
        for (float w : ParameterValues.read(parameter)) {
          sumSquares += (double) w * w;
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    return Double.isFinite(sumSquares) ? Math.sqrt(sumSquares) : Double.NaN;
  }

  /**
   * A row delta of the group: its dense parameters in full and, of its embedding table, only {@code
   * rows} (any order; duplicates collapse), stamped with {@code modelId}, {@code version} and the
   * {@code baseVersion} of the full payload it applies on top of. For a group without a table, rows
   * must be empty and the delta holds the whole group.
   *
   * @throws IllegalArgumentException for an unknown group, a row outside the table, or rows for a
   *     group without a table
   */
  public byte[] exportRowDelta(
      String group, int[] rows, String modelId, long version, long baseVersion) {
    Block child = requireGroup(group);
    if (rows == null) {
      throw new IllegalArgumentException("rows must not be null (pass an empty array for none)");
    }
    Parameter table = embeddingTable();
    boolean hasTable = table != null && ParameterValues.of(child).contains(table);
    if (!hasTable && rows.length > 0) {
      throw new IllegalArgumentException(
          "group '" + group + "' has no embedding table, so a delta of it cannot name rows");
    }
    int[] sorted = Arrays.stream(rows).sorted().distinct().toArray();
    for (int row : sorted) {
      if (row < 0 || row >= config.hashBuckets()) {
        throw new IllegalArgumentException(
            "row " + row + " is outside the embedding table [0, " + config.hashBuckets() + ")");
      }
    }
    PayloadHeader header = PayloadHeader.delta(modelId, version, group, baseVersion);
    lock.readLock().lock();
    try {
      return GroupPayloads.encodeDelta(header, child, table, sorted);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Replaces the group's weights with the payload's: all of them for a full payload; for a row
   * delta (see {@link #exportRowDelta}) the dense parameters and the listed table rows, the other
   * rows keep their values. The payload is fully decoded and validated first, so on any failure
   * this model keeps its previous weights.
   *
   * @return the payload's header, so callers can check its model id and version (and, for a delta,
   *     that its base version is the one this model holds)
   * @throws IllegalArgumentException for an unknown group or a malformed, truncated, corrupt,
   *     mismatched or non-finite payload, or a delta row outside the table
   */
  public PayloadHeader importGroup(String group, byte[] payload) {
    Block live = requireGroup(group);
    GroupPayloads.Decoded decoded = GroupPayloads.decode(group, payload, live);
    List<Parameter> parameters = ParameterValues.of(live);
    lock.writeLock().lock();
    try {
      for (int i = 0; i < parameters.size(); i++) {
        int[] rows = decoded.rows().get(i);
        if (rows == null) {
          ParameterValues.write(parameters.get(i), decoded.values().get(i));
        } else {
          ParameterValues.writeRows(parameters.get(i), rows, decoded.values().get(i));
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
    return decoded.header();
  }

  private Block requireGroup(String group) {
    Block child = group == null ? null : network.group(group);
    if (child == null) {
      throw new IllegalArgumentException(
          "unknown parameter group '" + group + "', expected one of " + groups());
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

  /** The {@code embeddings} group's hashed-id table, or null when the model has no id slots. */
  Parameter embeddingTable() {
    return ((EventEmbedding) network.group(ParameterGroups.EMBEDDINGS)).table();
  }

  List<Parameter> allParameters() {
    return ParameterValues.of(network);
  }

  FraudNetwork network() {
    return network;
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
