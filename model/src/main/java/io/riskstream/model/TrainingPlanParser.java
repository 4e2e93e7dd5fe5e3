package io.riskstream.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the compact text form of a {@link TrainingPlan}; every error is one line naming it. */
final class TrainingPlanParser {

  private static final String LOSS = "loss";
  private static final String CLIP = "clip";
  private static final List<String> PLAIN_GROUPS =
      List.of(
          ParameterGroups.EMBEDDINGS,
          ParameterGroups.GATE,
          ParameterGroups.ATTENTION,
          ParameterGroups.HEAD,
          ParameterGroups.EXPERTS);
  private static final Pattern EXPERT = Pattern.compile("experts/(0|[1-9][0-9]{0,8})");
  private static final Pattern CALL = Pattern.compile("([A-Za-z]+)\\s*(?:\\((.*)\\))?");

  private TrainingPlanParser() {}

  /** Rejects names that are no group of any model (expert indices are checked by the trainer). */
  static void checkGroupName(String name) {
    if (name == null || !(PLAIN_GROUPS.contains(name) || EXPERT.matcher(name).matches())) {
      throw new IllegalArgumentException(
          "unknown parameter group '"
              + name
              + "' in training plan, expected one of "
              + PLAIN_GROUPS
              + " or experts/<i>");
    }
  }

  static TrainingPlan parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("training plan is empty");
    }
    Map<String, OptimizerSpec> optimizers = new LinkedHashMap<>();
    Loss loss = null;
    Double clip = null;
    for (String entry : text.split(";")) {
      if (entry.isBlank()) {
        continue; // tolerate a trailing ';'
      }
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "training plan entry '" + entry.trim() + "' is not name=value");
      }
      String name = entry.substring(0, eq).trim();
      String value = entry.substring(eq + 1).trim();
      if (LOSS.equals(name)) {
        requireFirst(loss == null, name);
        loss = loss(value);
      } else if (CLIP.equals(name)) {
        requireFirst(clip == null, name);
        clip = number(value, "clip", "training plan");
        if (!(clip > 0)) {
          throw new IllegalArgumentException("clip must be > 0, got " + value);
        }
      } else {
        checkGroupName(name);
        requireFirst(!optimizers.containsKey(name), name);
        optimizers.put(name, optimizer(name, value));
      }
    }
    return new TrainingPlan(
        optimizers,
        loss == null ? new Loss.WeightedBce(1) : loss,
        clip == null ? TrainingPlan.DEFAULT_MAX_GRAD_NORM : clip);
  }

  private static void requireFirst(boolean first, String name) {
    if (!first) {
      throw new IllegalArgumentException("'" + name + "' is given twice in the training plan");
    }
  }

  private static OptimizerSpec optimizer(String group, String value) {
    Call call = call(value);
    Map<String, String> args = call.args;
    switch (call.name) {
      case "adam":
        call.allow("lr");
        return new OptimizerSpec.Adam(call.number("lr", 0.01));
      case "adagrad":
        call.allow("lr", "init");
        return new OptimizerSpec.AdaGrad(call.number("lr", 0.05), call.number("init", 0.1));
      case "ftrl":
        call.allow("alpha", "beta", "l1", "l2", "reg", "elasticNet");
        double alpha = call.number("alpha", 0.05);
        double beta = call.number("beta", 1);
        boolean elastic = args.containsKey("reg") || args.containsKey("elasticNet");
        if (elastic && (args.containsKey("l1") || args.containsKey("l2"))) {
          throw new IllegalArgumentException(
              "ftrl takes either l1, l2 or reg, elasticNet, not both");
        }
        if (elastic) {
          return OptimizerSpec.Ftrl.ofElasticNet(
              alpha, beta, call.number("reg", 0), call.number("elasticNet", 0));
        }
        return new OptimizerSpec.Ftrl(alpha, beta, call.number("l1", 0), call.number("l2", 0));
      default:
        throw new IllegalArgumentException(
            "unknown optimizer '"
                + call.name
                + "' for group '"
                + group
                + "', expected adam, adagrad or ftrl");
    }
  }

  private static Loss loss(String value) {
    Call call = call(value);
    switch (call.name) {
      case "bce":
        call.allow("pos");
        return new Loss.WeightedBce(call.number("pos", 1));
      case "focal":
        call.allow("gamma", "alpha");
        return new Loss.Focal(call.number("gamma", 2), call.number("alpha", 0.25));
      default:
        throw new IllegalArgumentException(
            "unknown loss '" + call.name + "', expected bce or focal");
    }
  }

  /** {@code name} or {@code name(key=value,...)}. */
  private static Call call(String value) {
    Matcher m = CALL.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "malformed '" + value + "' in training plan, expected name(key=value,...)");
    }
    Call call = new Call(m.group(1));
    String inside = m.group(2);
    if (inside != null && !inside.isBlank()) {
      for (String arg : inside.split(",")) {
        int eq = arg.indexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException(
              "argument '" + arg.trim() + "' of " + call.name + " is not key=value");
        }
        String key = arg.substring(0, eq).trim();
        if (call.args.put(key, arg.substring(eq + 1).trim()) != null) {
          throw new IllegalArgumentException(
              "parameter " + key + " of " + call.name + " is given twice");
        }
      }
    }
    return call;
  }

  private static double number(String text, String parameter, String owner) {
    try {
      double value = Double.parseDouble(text);
      if (Double.isNaN(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "bad number '" + text + "' for parameter " + parameter + " of " + owner);
    }
  }

  /** A parsed {@code name(key=value,...)}. */
  private static final class Call {
    final String name;
    final Map<String, String> args = new LinkedHashMap<>();

    Call(String name) {
      this.name = name;
    }

    void allow(String... keys) {
      List<String> allowed = List.of(keys);
      for (String key : args.keySet()) {
        if (!allowed.contains(key)) {
          throw new IllegalArgumentException(
              "unknown parameter '" + key + "' for " + name + ", expected " + allowed);
        }
      }
    }

    double number(String key, double fallback) {
      String text = args.get(key);
      return text == null ? fallback : TrainingPlanParser.number(text, key, name);
    }
  }
}
