package io.riskstream.learner.drift;

import java.io.Serializable;
import java.util.Locale;

/**
 * Whether and how the learner watches the champion's prequential error for drift ({@link
 * PageHinkley}) and what it does on a detection ({@link DriftReaction}).
 *
 * <p>On the command line: {@code off}, or a reaction optionally followed by detector settings,
 * {@code <reaction>[,delta=<d>][,lambda=<l>][,alpha=<a>][,min=<n>]}, e.g. {@code raise-lr:3x:20} or
 * {@code reset:head,lambda=30,min=100}. Settings left out keep {@link #defaults}' values; {@link
 * #spec()} writes the full form back.
 *
 * @param enabled whether errors are watched at all; when false the other fields are not used
 * @param delta the error rise tolerated as noise
 * @param lambda the cumulative rise that signals drift
 * @param alpha the forgetting factor of the cumulative rise, in (0, 1]
 * @param minInstances errors seen after a (re)start before drift can be signalled
 * @param reaction what to do on a detection
 */
public record DriftSettings(
    boolean enabled,
    double delta,
    double lambda,
    double alpha,
    int minInstances,
    DriftReaction reaction)
    implements Serializable {

  public DriftSettings {
    if (reaction == null) {
      throw new IllegalArgumentException("drift reaction must not be null (use none)");
    }
    // Validates the detector's settings with its own messages.
    new PageHinkley(delta, lambda, alpha, minInstances);
  }

  /** Page-Hinkley with scikit-multiflow's defaults (0.005, 50, 0.9999, 30) and this reaction. */
  public static DriftSettings defaults(DriftReaction reaction) {
    return new DriftSettings(true, 0.005, 50, 0.9999, 30, reaction);
  }

  /** No drift detection. */
  public static DriftSettings disabled() {
    return new DriftSettings(false, 0.005, 50, 0.9999, 30, new DriftReaction.None());
  }

  /** A fresh detector with these settings. */
  public PageHinkley newDetector() {
    return new PageHinkley(delta, lambda, alpha, minInstances);
  }

  /** Reads {@code off} or {@code <reaction>[,key=value]...} as described on the class. */
  public static DriftSettings parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("drift settings are empty: expected off or a reaction");
    }
    String text = spec.strip();
    if (text.equals("off")) {
      return disabled();
    }
    String[] parts = text.split(",", -1);
    DriftSettings defaults = defaults(DriftReaction.parse(parts[0]));
    double delta = defaults.delta();
    double lambda = defaults.lambda();
    double alpha = defaults.alpha();
    int minInstances = defaults.minInstances();
    for (int i = 1; i < parts.length; i++) {
      String[] keyValue = parts[i].strip().split("=", -1);
      if (keyValue.length != 2) {
        throw new IllegalArgumentException(
            "drift setting '" + parts[i] + "' should read key=value (delta, lambda, alpha or min)");
      }
      String key = keyValue[0].strip().toLowerCase(Locale.ROOT);
      String value = keyValue[1].strip();
      try {
        switch (key) {
          case "delta" -> delta = Double.parseDouble(value);
          case "lambda" -> lambda = Double.parseDouble(value);
          case "alpha" -> alpha = Double.parseDouble(value);
          case "min" -> minInstances = Integer.parseInt(value);
          default ->
              throw new IllegalArgumentException(
                  "unknown drift setting '"
                      + keyValue[0]
                      + "': expected delta, lambda, alpha or min");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "drift setting " + key + " has a value '" + value + "' that is not a number");
      }
    }
    return new DriftSettings(true, delta, lambda, alpha, minInstances, defaults.reaction());
  }

  /** The compact form {@link #parse} reads back to equal settings. */
  public String spec() {
    if (!enabled) {
      return "off";
    }
    return reaction.spec()
        + ",delta="
        + delta
        + ",lambda="
        + lambda
        + ",alpha="
        + alpha
        + ",min="
        + minInstances;
  }
}
