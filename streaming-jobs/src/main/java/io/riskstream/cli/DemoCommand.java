package io.riskstream.cli;

import io.riskstream.demo.DemoRun;
import io.riskstream.model.DevicePreference;
import io.riskstream.model.SavedModel;
import io.riskstream.scoring.BatchLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskstream demo}: the whole platform on this machine, on real components. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole loop on this machine: a real Kafka broker (child JVM), the scoring and"
          + " learning Flink jobs in a MiniCluster (RocksDB state, exactly-once checkpoints), and"
          + " a synthetic stream of card transactions with delayed fraud labels.",
      "Prints one live progress line until Ctrl-C or --duration, then a key=value summary."
    })
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--duration",
      converter = DurationConverter.class,
      description = "Stop after this long, e.g. 60s or 5m (default: run until Ctrl-C).")
  Duration duration;

  @Option(
      names = "--data-dir",
      description =
          "Broker logs, checkpoints and savepoints go here, and stay (default: a temp dir, removed at exit).")
  Path dataDir;

  @Option(
      names = "--partitions",
      defaultValue = "2",
      description = "Partitions per topic and job parallelism (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--rate",
      defaultValue = "500",
      description = "Transactions per second to generate (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--label-delay",
      defaultValue = "5s",
      converter = DurationConverter.class,
      description =
          "How long after a transaction its fraud label arrives (default: ${DEFAULT-VALUE}).")
  Duration labelDelay;

  @Option(
      names = "--checkpoint-interval",
      defaultValue = "2s",
      converter = DurationConverter.class,
      description =
          "Flink checkpoint interval; exactly-once output is committed at each checkpoint (default: ${DEFAULT-VALUE}).")
  Duration checkpointInterval;

  @Option(
      names = "--max-out-of-orderness",
      defaultValue = "200ms",
      converter = DurationConverter.class,
      description =
          "How far out of event-time order transactions may arrive and still be featured in order;"
              + " also the longest a feature stage holds one (default: ${DEFAULT-VALUE}).")
  Duration maxOutOfOrderness;

  @Option(
      names = "--score-batch-size",
      defaultValue = "256",
      description =
          "The scorer scores at most this many transactions in one model call (default: ${DEFAULT-VALUE}).")
  int scoreBatchSize;

  @Option(
      names = "--score-max-wait",
      defaultValue = "5ms",
      converter = DurationConverter.class,
      description =
          "The longest a transaction waits for its scoring batch to fill (default: ${DEFAULT-VALUE}).")
  Duration scoreMaxWait;

  @Option(
      names = "--device",
      defaultValue = "auto",
      converter = DevicePreferenceConverter.class,
      description =
          "Where the scorers run the model: auto (a GPU when PyTorch sees one, else the CPU), cpu"
              + " or gpu (default: ${DEFAULT-VALUE}).")
  DevicePreference device;

  @Option(
      names = "--initial-model",
      paramLabel = "DIR",
      description =
          "Start scorers and the learner from this saved model (riskstream model train --out DIR)"
              + " instead of the seeded version 0; it must use the demo's feature spec (default).")
  Path initialModel;

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "Seed of the synthetic stream (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (partitions < 1) {
      throw new IllegalArgumentException("--partitions must be at least 1, was " + partitions);
    }
    if (maxOutOfOrderness.isZero()) {
      throw new IllegalArgumentException("--max-out-of-orderness must be positive");
    }
    if (!(rate > 0)) {
      throw new IllegalArgumentException("--rate must be positive, was " + rate);
    }
    try {
      device.resolve(); // before anything starts: a GPU asked for and absent is one line, not a job
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("--device " + device + ": " + e.getMessage());
    }
    SavedModel initial = initialModel == null ? null : SavedModel.load(initialModel);
    DemoRun run =
        new DemoRun(
            dataDir,
            partitions,
            rate,
            labelDelay,
            settings ->
                settings
                    .withCheckpointInterval(checkpointInterval)
                    .withMaxOutOfOrderness(maxOutOfOrderness)
                    .withScoringBatches(new BatchLimits(scoreBatchSize, scoreMaxWait))
                    .withDevice(device)
                    .withInitialModel(initial),
            seed,
            spec.commandLine().getOut());
    return run.runUntilStopped(duration);
  }
}
