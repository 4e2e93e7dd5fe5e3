package io.riskstream.evaluation;

import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.ingest.ColumnMapping;
import io.riskstream.jobs.PlatformSettings;
import io.riskstream.learner.LearnerSettings;
import io.riskstream.model.ModelConfig;
import io.riskstream.model.OfflineFit;
import io.riskstream.model.SavedModel;
import io.riskstream.replay.FeatureReplay;
import io.riskstream.training.ExampleReplay;
import io.riskstream.training.InitialTraining;
import io.riskstream.training.TimeWindow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code riskstream evaluate}: what the platform catches and how fast, on a real dataset.
 *
 * <ol>
 *   <li>Version 1 of the model is trained on the {@code trainDays} before {@code scoreFrom -
 *       labelDelay}: the transactions whose labels are known when scoring starts.
 *   <li>The data is replayed through the whole platform (broker, scoring job, learner job) from one
 *       feature horizon before {@code scoreFrom}; every transaction is scored before its label is
 *       released, and the learner trains on the released labels.
 *   <li>The same feature snapshots feed the baselines, with the same label delay.
 * </ol>
 */
public final class Evaluation {

  /**
   * What to evaluate.
   *
   * @param columns where the files' fields are; empty: each header picks its format
   * @param scoreUntil exclusive; {@link Long#MAX_VALUE} for the end of the data
   * @param initialModel version 1 to start from instead of training one; null to train it
   */
  public record Options(
      List<Path> files,
      Optional<ColumnMapping> columns,
      FeatureSpec spec,
      Duration labelDelay,
      long scoreFrom,
      long scoreUntil,
      int trainDays,
      ModelConfig config,
      OfflineFit fit,
      LearnerSettings learner,
      int partitions,
      double maxRate,
      int maxInFlight,
      Duration checkpointInterval,
      Path initialModel) {
    public Options {
      files = List.copyOf(files);
      if (trainDays < 1) {
        throw new IllegalArgumentException("--train-days must be at least 1, was " + trainDays);
      }
      if (scoreUntil <= scoreFrom) {
        throw new IllegalArgumentException("--score-until must be after --score-from");
      }
    }

    /** When the labels known at {@code scoreFrom} end: version 1 trains on what lies before. */
    long labelsKnownUntil() {
      return scoreFrom - labelDelay.toMillis();
    }
  }

  /** What the baselines learn from before scoring starts: a week of released labels. */
  static final Duration BASELINE_HISTORY = Duration.ofDays(7);

  private static final Duration STALL = Duration.ofMinutes(3);

  private Evaluation() {}

  /** Trains version 1, replays the data through the platform, and returns what it observed. */
  public static Run run(Options options, Path workDir, PrintWriter log) throws Exception {
    long start = System.nanoTime();
    long trainUntil = options.labelsKnownUntil();
    SavedModel initial;
    String training;
    if (options.initialModel() != null) {
      initial = SavedModel.load(options.initialModel());
      training = "given, " + options.initialModel();
    } else {
      long trainFrom = trainUntil - Duration.ofDays(options.trainDays()).toMillis();
      Path saved = workDir.resolve("initial-model");
      training =
          InitialTraining.run(
                  new InitialTraining.Options(
                      new ExampleReplay.Source(
                          options.files(),
                          options.columns(),
                          options.spec(),
                          options.labelDelay(),
                          options.partitions()),
                      new TimeWindow(trainFrom, trainUntil),
                      options.config(),
                      options.fit(),
                      options.learner().modelId(),
                      saved),
                  workDir.resolve("training"),
                  log)
              .summary();
      initial = SavedModel.load(saved);
    }
    log.printf("version 1: %s%n", training);
    log.flush();

    long keepFrom = trainUntil - BASELINE_HISTORY.toMillis();
    long replayFrom =
        Math.min(FeatureReplay.warmUpStart(options.spec(), options.scoreFrom()), keepFrom);
    // Every replayed label comes exactly one delay after its transaction and is never revised, so
    // the joins need keep a transaction no longer than that (plus a day of slack).
    Duration labelJoinTtl = options.labelDelay().plus(Duration.ofDays(1));
    UnaryOperator<PlatformSettings> tuning =
        settings ->
            settings
                .withFeatures(options.spec())
                .withLearner(options.learner())
                .withLabelJoinTtl(labelJoinTtl)
                .withCheckpointInterval(options.checkpointInterval());
    PlatformReplay.Outcome outcome =
        new PlatformReplay(
                new PlatformReplay.Options(
                    options.files(),
                    options.columns(),
                    replayFrom,
                    keepFrom,
                    options.scoreUntil(),
                    options.labelDelay(),
                    options.partitions(),
                    options.maxRate(),
                    options.maxInFlight(),
                    STALL),
                initial,
                tuning,
                log)
            .run(workDir.resolve("platform"));
    return new Run(initial, training, outcome, (System.nanoTime() - start) / 1e9);
  }

  /** Version 1 and how it was made, and the platform's replay. */
  public record Run(
      SavedModel initial, String training, PlatformReplay.Outcome replay, double seconds) {}
}
