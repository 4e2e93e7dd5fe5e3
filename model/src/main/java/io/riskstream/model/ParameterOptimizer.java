package io.riskstream.model;

/**
 * Host-side optimizer state for one parameter, whose values are viewed as {@code rows × width} (a
 * dense parameter is one row). Stepping only some rows is what makes an embedding-table update
 * lazy: rows the batch did not look up keep their weights and their state.
 */
interface ParameterOptimizer {

  /**
   * Applies one step in place to the listed rows of {@code weights}, given (already clipped)
   * gradients of the same layout. Rows must be distinct; every other row, weights and state alike,
   * is left as it is.
   */
  void update(float[] weights, float[] gradients, int[] rows);

  /** Steps every row: the update of a dense parameter. */
  default void update(float[] weights, float[] gradients) {
    update(weights, gradients, new int[] {0});
  }

  /** Fresh state for a parameter of {@code rows × width} values, as {@code spec} describes. */
  static ParameterOptimizer create(OptimizerSpec spec, int rows, int width) {
    if (spec instanceof OptimizerSpec.Adam adam) {
      return new AdamOptimizer(adam, rows, width);
    }
    if (spec instanceof OptimizerSpec.AdaGrad adaGrad) {
      return new AdaGradOptimizer(adaGrad, rows, width);
    }
    if (spec instanceof OptimizerSpec.Ftrl ftrl) {
      return new FtrlOptimizer(ftrl, rows, width);
    }
    throw new IllegalArgumentException("unsupported optimizer " + spec);
  }
}
