package io.riskstream.cli;

import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.model.ModelConfig;
import io.riskstream.model.OfflineFit;
import io.riskstream.training.ExampleReplay;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the commands that fit models on replayed history (a picocli mixin). */
final class FitOptions {
  @Option(
      names = "--transactions",
      required = true,
      paramLabel = "F",
      description =
          "Transactions CSV with a fraud column (.gz or plain); repeat for several files, in time"
              + " order.")
  List<Path> transactions;

  @Mixin ColumnsOption columns;

  @Option(
      names = "--epochs",
      defaultValue = "6",
      paramLabel = "N",
      description = "Passes over the training examples (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--ids",
      arity = "1",
      paramLabel = "BOOL",
      description =
          "Whether the model embeds the hashed terminal, device and IP ids (default: true for"
              + " train, the scorer's shape; false for compare-attention, the handbook's protocol).")
  Boolean ids;

  @Option(
      names = "--batch-size",
      defaultValue = "256",
      paramLabel = "B",
      description = "Examples per training step (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--learning-rate",
      defaultValue = "0.002",
      paramLabel = "R",
      description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
  float learningRate;

  @Option(
      names = "--positive-weight",
      defaultValue = "1",
      paramLabel = "W",
      description =
          "Loss weight of a fraud against 1 for a genuine one (default: ${DEFAULT-VALUE}).")
  float positiveWeight;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the shuffle (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--label-delay",
      defaultValue = "7d",
      converter = DurationConverter.class,
      paramLabel = "D",
      description =
          "Labels become known this long after their transaction (default: ${DEFAULT-VALUE}).")
  Duration labelDelay;

  @Option(
      names = "--parallelism",
      defaultValue = "2",
      description = "Parallelism of the feature job (default: ${DEFAULT-VALUE}).")
  int parallelism;

  /**
   * The spec named {@code specName}, after checking that every file is readable with a header the
   * columns can be read from, and every number in range.
   */
  FeatureSpec check(String specName) throws IOException {
    columns.checkHeaders(transactions);
    if (epochs < 1 || batchSize < 1 || parallelism < 1) {
      throw new IllegalArgumentException(
          "--epochs, --batch-size and --parallelism must be at least 1");
    }
    if (!(learningRate > 0) || !(positiveWeight > 0)) {
      throw new IllegalArgumentException("--learning-rate and --positive-weight must be > 0");
    }
    return CliSupport.featureSpec(specName);
  }

  /** {@code config} with or without its id embeddings, as {@code --ids} (else the default) says. */
  ModelConfig withIds(ModelConfig config, boolean byDefault) {
    boolean embed = ids == null ? byDefault : ids;
    return embed ? config : config.withCategories(0, config.hashBuckets());
  }

  /** Where the examples come from, with the spec {@link #check} returned. */
  ExampleReplay.Source source(FeatureSpec spec) {
    return new ExampleReplay.Source(transactions, columns.mapping(), spec, labelDelay, parallelism);
  }

  OfflineFit fit() {
    return new OfflineFit(epochs, batchSize, learningRate, positiveWeight, seed);
  }
}
