package io.riskstream.learner.drift;

import java.io.Serializable;

/**
 * What the learner does when drift is detected, written on the command line as
 *
 * <ul>
 *   <li>{@code none}: only report it;
 *   <li>{@code raise-lr:<factor>x:<batches>}, e.g. {@code raise-lr:3x:20}: multiply the learning
 *       rate by the factor for that many mini-batches, to adapt faster, then return to it;
 *   <li>{@code reset:<group>}, e.g. {@code reset:head}: reinitialize that parameter group, to
 *       forget the old concept.
 * </ul>
 *
 * {@link #spec()} writes the same form back. Callers switch on {@link #kind()}.
 */
public sealed interface DriftReaction extends Serializable
    permits DriftReaction.None, DriftReaction.RaiseLearningRate, DriftReaction.ResetGroup {

  /** The kinds of reaction, for a switch. */
  enum Kind {
    NONE,
    RAISE_LEARNING_RATE,
    RESET_GROUP
  }

  Kind kind();

  /** The compact form that {@link #parse} reads. */
  String spec();

  String FORMS = "none, raise-lr:<factor>x:<batches> (e.g. raise-lr:3x:20) or reset:<group>";

  /** Reads the compact form; the message of the exception says what was wrong in one line. */
  static DriftReaction parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("drift reaction is empty: expected " + FORMS);
    }
    String text = spec.strip();
    if (text.equals("none")) {
      return new None();
    }
    String[] parts = text.split(":", -1);
    if (parts[0].equals("raise-lr")) {
      if (parts.length != 3 || !parts[1].endsWith("x")) {
        throw new IllegalArgumentException(
            "drift reaction '"
                + text
                + "' should read raise-lr:<factor>x:<batches>, e.g. raise-lr:3x:20");
      }
      double factor;
      int batches;
      try {
        factor = Double.parseDouble(parts[1].substring(0, parts[1].length() - 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "drift reaction '"
                + text
                + "': factor '"
                + parts[1]
                + "' is not a number followed by x");
      }
      try {
        batches = Integer.parseInt(parts[2]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "drift reaction '" + text + "': batches '" + parts[2] + "' is not a whole number");
      }
      return new RaiseLearningRate(factor, batches);
    }
    if (parts[0].equals("reset")) {
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "drift reaction '" + text + "' should read reset:<group>, e.g. reset:head");
      }
      return new ResetGroup(parts[1]);
    }
    throw new IllegalArgumentException("unknown drift reaction '" + text + "': expected " + FORMS);
  }

  /** Report the drift and change nothing. */
  record None() implements DriftReaction {
    @Override
    public Kind kind() {
      return Kind.NONE;
    }

    @Override
    public String spec() {
      return "none";
    }
  }

  /**
   * Multiply the learning rate by {@code factor} for the next {@code batches} mini-batches.
   *
   * @param factor finite and greater than 1
   * @param batches at least 1
   */
  record RaiseLearningRate(double factor, int batches) implements DriftReaction {
    public RaiseLearningRate {
      if (!(factor > 1) || Double.isInfinite(factor)) {
        throw new IllegalArgumentException(
            "drift reaction raise-lr needs a finite factor > 1, got " + factor);
      }
      if (batches < 1) {
        throw new IllegalArgumentException(
            "drift reaction raise-lr needs at least 1 batch, got " + batches);
      }
    }

    @Override
    public Kind kind() {
      return Kind.RAISE_LEARNING_RATE;
    }

    @Override
    public String spec() {
      String number =
          factor == Math.rint(factor) && factor < 1e15
              ? Long.toString((long) factor)
              : Double.toString(factor);
      return "raise-lr:" + number + "x:" + batches;
    }
  }

  /**
   * Reinitialize the parameter group {@code group}.
   *
   * @param group a group name: not blank, no ':' , ',' or spaces
   */
  record ResetGroup(String group) implements DriftReaction {
    public ResetGroup {
      if (group == null || group.isEmpty() || !group.matches("[^:,\\s]+")) {
        throw new IllegalArgumentException(
            "drift reaction reset needs a group name without ':', ',' or spaces, got '"
                + group
                + "'");
      }
    }

    @Override
    public Kind kind() {
      return Kind.RESET_GROUP;
    }

    @Override
    public String spec() {
      return "reset:" + group;
    }
  }
}
