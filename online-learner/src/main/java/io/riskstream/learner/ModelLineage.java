package io.riskstream.learner;

/**
 * Where the learner's model stands: its version, the newest label time it has learned from and how
 * many examples it has seen. A Flink POJO kept in keyed state.
 */
public class ModelLineage {
  /** The seeded initial weights that every scorer and learner starts from. */
  public static final long INITIAL_VERSION = 0;

  public long version;
  public long trainedThrough;
  public long trainedExamples;

  public ModelLineage() {}

  ModelLineage(long version, long trainedThrough, long trainedExamples) {
    this.version = version;
    this.trainedThrough = trainedThrough;
    this.trainedExamples = trainedExamples;
  }

  public static ModelLineage initial() {
    return new ModelLineage(INITIAL_VERSION, 0, 0);
  }

  /** A lineage that continues a version trained elsewhere (e.g. offline), with no examples yet. */
  public static ModelLineage startingFrom(long version, long trainedThrough) {
    return new ModelLineage(version, trainedThrough, 0);
  }

  /**
   * The lineage after training on {@code examples} more labels, the newest at {@code labelTime}.
   */
  public ModelLineage next(long labelTime, int examples) {
    return new ModelLineage(
        version + 1, Math.max(trainedThrough, labelTime), trainedExamples + examples);
  }
}
