package io.riskstream.model;

import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How an {@link OnlineTrainer} trains: the optimizer of each trainable group (the groups named are
 * exactly the ones trained), the loss, and the global gradient-norm clip.
 *
 * <p>Group names are those of {@link ParameterGroups}; {@code experts} stands for every expert
 * group, and an {@code experts/<i>} entry overrides it for that expert. The compact text form, for
 * a command-line flag, is {@code ;}-separated {@code name=value} entries, with {@code loss} and
 * {@code clip} as reserved names:
 *
 * <pre>
 * head=ftrl(alpha=0.05,beta=1,l1=0.001,l2=0.01);experts=adam(lr=0.01);loss=focal(gamma=2,alpha=0.25);clip=5
 * </pre>
 *
 * {@link #toString()} writes that form and {@link #parse} reads it back to an equal plan.
 *
 * @param optimizers per group name, in the order given
 * @param maxGradNorm global L2 norm the trainable gradients are clipped to before each step
 */
public record TrainingPlan(Map<String, OptimizerSpec> optimizers, Loss loss, double maxGradNorm)
    implements Serializable {

  public static final double DEFAULT_MAX_GRAD_NORM = 5.0;

  public TrainingPlan {
    if (optimizers == null || optimizers.isEmpty()) {
      throw new IllegalArgumentException("a training plan must name at least one group");
    }
    for (Map.Entry<String, OptimizerSpec> entry : optimizers.entrySet()) {
      TrainingPlanParser.checkGroupName(entry.getKey());
      if (entry.getValue() == null) {
        throw new IllegalArgumentException("no optimizer for group '" + entry.getKey() + "'");
      }
    }
    if (loss == null) {
      throw new IllegalArgumentException("a training plan needs a loss");
    }
    if (!(maxGradNorm > 0)) {
      throw new IllegalArgumentException("clip must be > 0, got " + maxGradNorm);
    }
    // Unmodifiable but order-keeping and serializable (Map.copyOf would lose the order).
    optimizers = Collections.unmodifiableMap(new LinkedHashMap<>(optimizers));
  }

  /**
   * The default for the learner: FTRL-Proximal for the {@code head}, Adam lr 0.01 for the {@code
   * experts}, weighted BCE with positive weight 1, clip 5.
   *
   * <p>Why: the head is one linear unit on the routed expert's output, i.e. logistic regression on
   * learned features, where FTRL-Proximal is the standard online method (per-coordinate rates that
   * decay with the evidence seen, optional L1 to keep it sparse). The experts are deep, non-convex
   * MLPs whose gradient scales differ by layer; they need Adam's adaptive moments rather than
   * FTRL's convex-loss rates. Embeddings, gate and attention are left to offline training.
   */
  public static TrainingPlan defaults() {
    Map<String, OptimizerSpec> optimizers = new LinkedHashMap<>();
    optimizers.put(ParameterGroups.HEAD, new OptimizerSpec.Ftrl(0.05, 1, 0, 0));
    optimizers.put(ParameterGroups.EXPERTS, new OptimizerSpec.Adam(0.01));
    return new TrainingPlan(optimizers, new Loss.WeightedBce(1), DEFAULT_MAX_GRAD_NORM);
  }

  /** Adam with one learning rate for every group named, weighted BCE, clip 5: the old trainer. */
  public static TrainingPlan adam(
      Collection<String> groups, double learningRate, double positiveWeight) {
    if (groups == null || groups.isEmpty()) {
      throw new IllegalArgumentException("trainableGroups must name at least one group");
    }
    OptimizerSpec adam = new OptimizerSpec.Adam(learningRate);
    Map<String, OptimizerSpec> optimizers = new LinkedHashMap<>();
    for (String group : groups) {
      optimizers.put(group, adam);
    }
    return new TrainingPlan(
        optimizers, new Loss.WeightedBce(positiveWeight), DEFAULT_MAX_GRAD_NORM);
  }

  /**
   * Reads the compact form described above. Omitted parameters take their defaults: {@code
   * adam(lr=0.01)}, {@code adagrad(lr=0.05,init=0.1)}, {@code ftrl(alpha=0.05,beta=1,l1=0,l2=0)}
   * (or {@code reg}, {@code elasticNet} instead of l1, l2), {@code bce(pos=1)}, {@code
   * focal(gamma=2,alpha=0.25)}; {@code loss} defaults to {@code bce(pos=1)}, {@code clip} to 5.
   *
   * @throws IllegalArgumentException with a one-line message naming the unknown group, optimizer or
   *     parameter, or the bad number
   */
  public static TrainingPlan parse(String text) {
    return TrainingPlanParser.parse(text);
  }

  /** The same plan with every group's step size times {@code factor}, e.g. to adapt to drift. */
  public TrainingPlan scaled(double factor) {
    Map<String, OptimizerSpec> scaled = new LinkedHashMap<>();
    optimizers.forEach((group, spec) -> scaled.put(group, spec.scaled(factor)));
    return new TrainingPlan(scaled, loss, maxGradNorm);
  }

  /** The optimizer of a resolved group name: its own entry, else the {@code experts} entry. */
  public OptimizerSpec optimizerFor(String group) {
    OptimizerSpec own = optimizers.get(group);
    if (own == null && ParameterGroups.isExpert(group)) {
      return optimizers.get(ParameterGroups.EXPERTS);
    }
    return own;
  }

  @Override
  public String toString() {
    StringJoiner text = new StringJoiner(";");
    optimizers.forEach((group, spec) -> text.add(group + "=" + spec));
    text.add("loss=" + loss);
    text.add("clip=" + Specs.format(maxGradNorm));
    return text.toString();
  }
}
