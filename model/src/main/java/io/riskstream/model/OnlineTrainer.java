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
 * One-step-at-a-time training of selected parameter groups of a {@link FraudModel}, in place.
 *
 * <p>Loss: binary cross-entropy on logits, positives weighted by {@code positiveWeight}, averaged
 * over the example weights. Update: Adam after clipping the trainable gradients to global norm 5.
 * Parameters outside the trainable groups are never written, and neither are the experts no example
 * of the step was routed to (their Adam state waits too), so a step changes only what it learned
 * about.
 */
public final class OnlineTrainer implements AutoCloseable {

  private static final double MAX_GRAD_NORM = 5.0;

  private final FraudModel model;
  private final List<String> groups;
  private final List<Parameter> trainable = new ArrayList<>();
  private final List<String> groupOfParameter = new ArrayList<>();
  private final float learningRate;
  private final float positiveWeight;
  private final AdamState adam;
  private Set<String> lastChanged = Set.of();

  /**
   * @param trainableGroups group names; {@code experts} stands for every expert group
   */
  public OnlineTrainer(
      FraudModel model,
      Collection<String> trainableGroups,
      float learningRate,
      float positiveWeight) {
    if (model == null) {
      throw new IllegalArgumentException("model must not be null");
    }
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
    this.model = model;
    this.learningRate = learningRate;
    this.positiveWeight = positiveWeight;
    this.groups = ParameterGroups.resolve(model.config(), trainableGroups);
    for (String group : groups) {
      for (Parameter parameter : model.parameters(group)) {
        trainable.add(parameter);
        groupOfParameter.add(group);
      }
    }
    int[] sizes = trainable.stream().mapToInt(p -> Math.toIntExact(p.getArray().size())).toArray();
    this.adam = new AdamState(sizes);
  }

  /** The groups this trainer may change, with {@code experts} resolved. */
  public List<String> trainableGroups() {
    return groups;
  }

  /** The groups the last successful step changed; empty when it was skipped. */
  public Set<String> lastChangedGroups() {
    return lastChanged;
  }

  /** One optimizer step; returns the weighted mean loss of the batch before the step. */
  public float step(List<ScoringInput> batch, float[] labels) {
    checkBatch(batch, labels);
    model.encoder().validate(batch);
    lastChanged = Set.of();
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
      boolean[] active = new boolean[trainable.size()];
      for (int i = 0; i < active.length; i++) {
        active[i] = changed.contains(groupOfParameter.get(i));
      }
      AdamState.clipGlobalNorm(result.gradients, MAX_GRAD_NORM);
      List<Parameter> written = new ArrayList<>();
      List<float[]> values = new ArrayList<>();
      float[][] weights = new float[trainable.size()][];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = ParameterValues.read(trainable.get(i));
      }
      adam.update(weights, result.gradients, learningRate, active);
      for (int i = 0; i < weights.length; i++) {
        if (active[i]) {
          written.add(trainable.get(i));
          values.add(weights[i]);
        }
      }
      model.writeParameters(written, values);
      lastChanged = Set.copyOf(changed);
      return result.loss;
    }
  }

  private record Backward(float loss, float[][] gradients, Set<String> routedTo) {}

  private Backward backward(NDManager scope, List<ScoringInput> batch, float[] labels) {
    try (GradientCollector collector = Engine.getEngine(DjlRuntime.ENGINE).newGradientCollector()) {
      NDList out =
          model.network().forward(model.store(), model.encoder().encode(scope, batch), true);
      NDArray logits = out.head();
      NDArray y = scope.create(labels);
      NDArray weights = y.mul(positiveWeight - 1f).add(1f);
      // Numerically stable BCE with logits: max(x,0) - x*y + log(1 + exp(-|x|)).
      NDArray perExample =
          logits.maximum(0f).sub(logits.mul(y)).add(logits.abs().neg().exp().add(1f).log());
      NDArray loss = perExample.mul(weights).sum().div(weights.sum());
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

  /** Releases nothing native (Adam state lives on the heap); present for symmetry. */
  @Override
  public void close() {}
}
