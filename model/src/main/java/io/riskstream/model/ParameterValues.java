package io.riskstream.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and overwrites parameter values on the host. Writes happen in place so the live arrays keep
 * their identity, gradient flag and owning manager; callers hold the model's write lock.
 */
final class ParameterValues {

  private ParameterValues() {}

  /** The block's parameters in DJL's stable traversal order. */
  static List<Parameter> of(Block block) {
    List<Parameter> result = new ArrayList<>();
    block.getParameters().forEach(pair -> result.add(pair.getValue()));
    return result;
  }

  static float[] read(Parameter parameter) {
    return parameter.getArray().toFloatArray();
  }

  static void write(Parameter parameter, float[] values) {
    NDArray array = parameter.getArray();
    if (values.length != array.size()) {
      throw new IllegalArgumentException(
          "parameter " + parameter.getName() + " expects " + array.size() + " values");
    }
    // In-place host copy; with grad mode off this does not touch autograd state.
    DjlRuntime.inferenceMode();
    array.set(values);
  }

  /**
   * Overwrites the listed rows (along the first dimension) with {@code values}, row after row; the
   * other rows keep their values.
   */
  static void writeRows(Parameter parameter, int[] rows, float[] values) {
    float[] all = read(parameter);
    int width = Math.toIntExact(all.length / parameter.getArray().getShape().get(0));
    if (values.length != (long) rows.length * width) {
      throw new IllegalArgumentException(
          "parameter " + parameter.getName() + " expects " + width + " values per row");
    }
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(values, r * width, all, rows[r] * width, width);
    }
    write(parameter, all);
  }

  /** Index of the first NaN/Inf value, or -1 when all are finite. */
  static int firstNonFinite(float[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        return i;
      }
    }
    return -1;
  }
}
