package io.riskstream.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One-step-at-a-time training of selected parameter groups of a {@link FraudModel}, in place, as a
 * {@link TrainingPlan} says: per group an optimizer whose state lives on the host, one loss, one
 * global gradient-norm clip.
 *
 * <p>Parameters outside the trainable groups are never written, and neither are the experts no
 * example of the step was routed to (their optimizer state waits too), nor the rows of the
 * embedding table the batch did not look up (their state waits too), so a step changes only what it
 * learned about. {@link #lastChangedRows()} names the table rows a step did change, for sparse
 * publication.
 */
public final class OnlineTrainer implements AutoCloseable {

  private static final int[] ALL_ROWS = {0};

  private final FraudModel model;
  private final TrainingPlan plan;
  private final List<String> groups;
  private final List<Parameter> trainable = new ArrayList<>();
  private final List<String> groupOfParameter = new ArrayList<>();
  private final List<ParameterOptimizer> optimizers = new ArrayList<>();

  /** Index into {@link #trainable} of the embedding table, or -1 when it is not trained. */
  private final int tableIndex;

  private Set<String> lastChanged = Set.of();
  private int[] lastChangedRows = new int[0];

  /**
   * Adam with {@code learningRate} for every group, weighted BCE, clip 5.
   *
   * @param trainableGroups group names; {@code experts} stands for every expert group
   */
  public OnlineTrainer(
      FraudModel model,
      Collection<String> trainableGroups,
      float learningRate,
      float positiveWeight) {
    this(model, legacyPlan(trainableGroups, learningRate, positiveWeight));
  }

  /**
   * Trains the groups {@code plan} names, each with its optimizer.
   *
   * @throws IllegalArgumentException for a group this model does not have (e.g. an expert index
   *     beyond its expert count)
   */
  public OnlineTrainer(FraudModel model, TrainingPlan plan) {
    if (model == null) {
      throw new IllegalArgumentException("model must not be null");
    }
    if (plan == null) {
      throw new IllegalArgumentException("plan must not be null");
    }
    this.model = model;
    this.plan = plan;
    this.groups = ParameterGroups.resolve(model.config(), plan.optimizers().keySet());
    Parameter table = model.embeddingTable();
    int tableAt = -1;
    for (String group : groups) {
      OptimizerSpec spec = plan.optimizerFor(group);
      for (Parameter parameter : model.parameters(group)) {
        int size = Math.toIntExact(parameter.getArray().size());
        if (parameter == table) {
          tableAt = trainable.size();
          int rows = model.config().hashBuckets();
          optimizers.add(ParameterOptimizer.create(spec, rows, size / rows));
        } else {
          optimizers.add(ParameterOptimizer.create(spec, 1, size));
        }
        trainable.add(parameter);
        groupOfParameter.add(group);
      }
    }
    this.tableIndex = tableAt;
  }

  private static TrainingPlan legacyPlan(
      Collection<String> trainableGroups, float learningRate, float positiveWeight) {
    if (trainableGroups == null || trainableGroups.isEmpty()) {
      throw new IllegalArgumentException("trainableGroups must name at least one group");
    }
    if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
      throw new IllegalArgumentException(
          "learningRate must be finite and > 0, got " + learningRate);
    }
    if (!(positiveWeight > 0) || !Float.isFinite(positiveWeight)) {
      throw new IllegalArgumentException(
          "positiveWeight must be finite and > 0, got " + positiveWeight);
    }
    // Through the float's decimal form, so the plan prints 0.01 rather than 0.009999999776.
    return TrainingPlan.adam(
        trainableGroups,
        Double.parseDouble(Float.toString(learningRate)),
        Double.parseDouble(Float.toString(positiveWeight)));
  }

  /** The plan this trainer follows. */
  public TrainingPlan plan() {
    return plan;
  }

  /** The groups this trainer may change, with {@code experts} resolved. */
  public List<String> trainableGroups() {
    return groups;
  }

  /** The groups the last successful step changed; empty when it was skipped. */
  public Set<String> lastChangedGroups() {
    return lastChanged;
  }

  /**
   * The rows of the {@code embeddings} table the last successful step changed, ascending: the rows
   * its batch looked up. Empty when the step was skipped or the table is not trained. Every other
   * row is bit-identical to before the step.
   */
  public int[] lastChangedRows() {
    return lastChangedRows.clone();
  }

  /** One optimizer step; returns the weighted mean loss of the batch before the step. */
  public float step(List<ScoringInput> batch, float[] labels) {
    checkBatch(batch, labels);
    model.encoder().validate(batch);
    lastChanged = Set.of();
    lastChangedRows = new int[0];
    synchronized (DjlRuntime.COLLECTOR_LOCK) {
      Backward result;
      model.lock().readLock().lock();
      try (NDManager scope = model.manager().newSubManager()) {
        result = backward(scope, batch, labels);
      } finally {
        DjlRuntime.inferenceMode(); // the collector may have left grad mode on
        Gradients.reset(model.allParameters(), model.manager());
        model.lock().readLock().unlock();
      }
      if (!Float.isFinite(result.loss) || hasNonFinite(result.gradients)) {
        // A poisoned step would spread NaN through every later score; skip it instead.
        return result.loss;
      }
      Set<String> changed = new LinkedHashSet<>();
      for (String group : groups) {
        if (!ParameterGroups.isExpert(group) || result.routedTo.contains(group)) {
          changed.add(group);
        }
      }
      int[] tableRows = tableIndex < 0 ? new int[0] : model.encoder().tableRows(batch);
      Gradients.clipGlobalNorm(result.gradients, plan.maxGradNorm());
      List<Parameter> written = new ArrayList<>();
      List<float[]> values = new ArrayList<>();
      for (int i = 0; i < trainable.size(); i++) {
        if (!changed.contains(groupOfParameter.get(i))) {
          continue;
        }
        float[] weights = ParameterValues.read(trainable.get(i));
        int[] rows = i == tableIndex ? tableRows : ALL_ROWS;
        optimizers.get(i).update(weights, result.gradients[i], rows);
        written.add(trainable.get(i));
        values.add(weights);
      }
      model.writeParameters(written, values);
      lastChanged = Set.copyOf(changed);
      lastChangedRows = tableRows;
      return result.loss;
    }
  }

  /** The optimizer state of a trainable parameter (tests look inside). */
  ParameterOptimizer optimizerOf(Parameter parameter) {
    int index = trainable.indexOf(parameter);
    return index < 0 ? null : optimizers.get(index);
  }

  private record Backward(float loss, float[][] gradients, Set<String> routedTo) {}

  private Backward backward(NDManager scope, List<ScoringInput> batch, float[] labels) {
    try (GradientCollector collector = Engine.getEngine(DjlRuntime.ENGINE).newGradientCollector()) {
      NDList out =
          model.network().forward(model.store(), model.encoder().encode(scope, batch), true);
      NDArray logits = out.head();
      NDArray loss = TrainingLoss.mean(plan.loss(), logits, scope.create(labels));
      collector.backward(loss);
      Set<String> routedTo = new LinkedHashSet<>();
      for (long expert : out.get(4).toLongArray()) {
        routedTo.add(ParameterGroups.expert((int) expert));
      }
      return new Backward(loss.getFloat(), readGradients(scope), routedTo);
    }
  }

  /** Copies the trainable gradients to the host (an expert no row reached has none: zeros). */
  private float[][] readGradients(NDManager scope) {
    float[][] gradients = new float[trainable.size()][];
    for (int i = 0; i < gradients.length; i++) {
      NDArray array = trainable.get(i).getArray();
      if (array.hasGradient()) {
        NDArray grad = array.getGradient();
        grad.attach(scope);
        gradients[i] = grad.toFloatArray();
      } else {
        gradients[i] = new float[Math.toIntExact(array.size())];
      }
    }
    return gradients;
  }

  private static boolean hasNonFinite(float[][] arrays) {
    for (float[] a : arrays) {
      if (ParameterValues.firstNonFinite(a) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static void checkBatch(List<ScoringInput> batch, float[] labels) {
    if (batch == null || batch.isEmpty()) {
      throw new IllegalArgumentException("batch must not be empty");
    }
    if (labels == null || labels.length != batch.size()) {
      throw new IllegalArgumentException(
          "need one label per input: "
              + batch.size()
              + " inputs, "
              + (labels == null ? "null" : labels.length)
              + " labels");
    }
    for (float label : labels) {
      if (!(label >= 0f && label <= 1f)) {
        throw new IllegalArgumentException("labels must be in [0, 1], got " + label);
      }
    }
  }

  /** Releases nothing native (optimizer state lives on the heap); present for symmetry. */
  @Override
  public void close() {}
}
