package io.riskstream.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
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
 * Parameters outside the trainable groups are never written.
 */
public final class OnlineTrainer implements AutoCloseable {

  private static final double MAX_GRAD_NORM = 5.0;

  /** libtorch DJL allows a single open GradientCollector per JVM. */
  private static final Object COLLECTOR_LOCK = new Object();

  private final FraudModel model;
  private final List<Parameter> trainable;
  private final float learningRate;
  private final float positiveWeight;
  private final AdamState adam;

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
    Set<String> groups = new LinkedHashSet<>(trainableGroups);
    this.trainable = new ArrayList<>();
    for (String group : groups) {
      trainable.addAll(model.parameters(group)); // rejects unknown names
    }
    int[] sizes = trainable.stream().mapToInt(p -> Math.toIntExact(p.getArray().size())).toArray();
    this.adam = new AdamState(sizes);
  }

  /** One optimizer step; returns the weighted mean loss of the batch before the step. */
  public float step(List<ScoringInput> batch, float[] labels) {
    checkBatch(batch, labels);
    model.encoder().validate(batch);
    synchronized (COLLECTOR_LOCK) {
      float loss;
      float[][] gradients;
      model.lock().readLock().lock();
      try (NDManager scope = model.manager().newSubManager()) {
        loss = backward(scope, batch, labels);
        gradients = readAndResetGradients(scope);
      } finally {
        DjlRuntime.inferenceMode(); // the collector may have left grad mode on
        model.lock().readLock().unlock();
      }
      if (!Float.isFinite(loss) || hasNonFinite(gradients)) {
        // A poisoned step would spread NaN through every later score; skip it instead.
        return loss;
      }
      AdamState.clipGlobalNorm(gradients, MAX_GRAD_NORM);
      float[][] weights = new float[trainable.size()][];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = ParameterValues.read(trainable.get(i));
      }
      adam.update(weights, gradients, learningRate);
      model.writeParameters(trainable, List.of(weights));
      return loss;
    }
  }

  private float backward(NDManager scope, List<ScoringInput> batch, float[] labels) {
    try (GradientCollector collector = Engine.getEngine(DjlRuntime.ENGINE).newGradientCollector()) {
      NDArray logits =
          model.block().forward(model.store(), model.encoder().encode(scope, batch), true).head();
      NDArray y = scope.create(labels);
      NDArray weights = y.mul(positiveWeight - 1f).add(1f);
      // Numerically stable BCE with logits: max(x,0) - x*y + log(1 + exp(-|x|)).
      NDArray perExample =
          logits.maximum(0f).sub(logits.mul(y)).add(logits.abs().neg().exp().add(1f).log());
      NDArray loss = perExample.mul(weights).sum().div(weights.sum());
      collector.backward(loss);
      return loss.getFloat();
    }
  }

  /**
   * Copies the trainable gradients to the host and zeroes every model gradient, frozen groups
   * included, since libtorch accumulates gradients across backward passes.
   */
  private float[][] readAndResetGradients(NDManager scope) {
    DjlRuntime.inferenceMode();
    float[][] gradients = new float[trainable.size()][];
    for (int i = 0; i < gradients.length; i++) {
      NDArray grad = trainable.get(i).getArray().getGradient();
      grad.attach(scope); // the handle would otherwise live as long as the model's manager
      gradients[i] = grad.toFloatArray();
    }
    for (Parameter parameter : model.allParameters()) {
      NDArray array = parameter.getArray();
      if (array.hasGradient()) {
        NDArray grad = array.getGradient();
        grad.attach(scope);
        grad.subi(grad);
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
