package io.riskstream.bench;

import io.riskstream.generator.SyntheticStream;
import io.riskstream.jobs.JobGraphs;
import io.riskstream.jobs.PlatformSettings;
import io.riskstream.model.FraudModel;
import io.riskstream.model.ScoringInput;
import io.riskstream.runtime.EmbeddedFlink;
import io.riskstream.runtime.EmbeddedKafka;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.Score;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import io.riskstream.scoring.BatchLimits;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.apache.flink.api.common.JobID;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * {@code riskstream bench e2e}: the whole scoring loop, transaction produced → score consumed, on
 * one broker and one MiniCluster, beside two references measured in the same run: a pass-through
 * job on the same Kafka path (decode, re-encode, the same exactly-once sink and checkpoints) and
 * the model alone in this JVM.
 *
 * <p>The platform's job is {@link JobGraphs#scoring}, as deployed: feature stages, the
 * sparse-attention scorer, exactly-once sinks of scores and feature snapshots. The learner job is
 * left out. Its work follows the label rate, not the transaction rate (the bench sends no labels,
 * so it would only idle), while on a small machine it would take CPU from the scoring job and make
 * the figures depend on the label mix; {@code bench freshness} measures the loop with it.
 *
 * <p>Order: the pass-through, then the platform, then the model alone (beside the idle broker and
 * MiniCluster, its code compiled by the JIT for the scorers). The platform's job goes last of the
 * two because it may end far behind its input, and an exactly-once job stopped behind may have to
 * be cancelled mid-transaction, which can take its task manager down with it. The reference, not
 * the platform, therefore pays for this JVM's cold Kafka and Avro code; every rate has a warm-up,
 * so that is small.
 */
public final class E2eBench {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration DJL_WARM_UP = Duration.ofSeconds(2);
  private static final Duration DJL_MEASURED = Duration.ofSeconds(3);

  /**
   * What to run.
   *
   * @param rates offered rates, transactions per second, lowest first
   * @param keyRate the rate whose p99 the last line's second figure is
   * @param warmUp at each rate before it is measured
   * @param perRate how long each rate is measured
   * @param drainWindow how long the drain rate (maximum throughput) is measured at most
   * @param partitions topic partitions and job parallelism
   * @param checkpointInterval both jobs'; the exactly-once sinks commit with each checkpoint
   * @param scoring the scorer's batch limits; the raw model is measured at the same batch size
   * @param seed of the synthetic transactions and the model's random inputs
   */
  public record Options(
      List<Integer> rates,
      int keyRate,
      Duration warmUp,
      Duration perRate,
      Duration drainWindow,
      int partitions,
      Duration checkpointInterval,
      BatchLimits scoring,
      long seed) {
    public Options {
      rates = List.copyOf(rates);
    }

    PlatformSettings settings(String bootstrap) {
      return PlatformSettings.defaults(bootstrap)
          .withParallelism(partitions)
          .withCheckpointInterval(checkpointInterval)
          .withScoringBatches(scoring);
    }

    LoopDriver.Plan plan() {
      // The window's last transactions come out at the first checkpoint commit after they are
      // written: up to an interval later, plus the checkpoint's own time, which a busy machine
      // stretches.
      Duration grace = checkpointInterval.multipliedBy(3).plusSeconds(5);
      return new LoopDriver.Plan(rates, warmUp, perRate, drainWindow, grace);
    }
  }

  private E2eBench() {}

  public static E2eSummary run(Options options, Path dir, PrintWriter log) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
      String bootstrap = kafka.bootstrapServers();
      BenchTopics.create(bootstrap, options.partitions());
      BenchTopics.stampOnAppend(bootstrap, Topic.SCORES.topicName(), BenchJobs.PASSTHROUGH_TOPIC);
      PlatformSettings settings = options.settings(bootstrap);
      Path checkpoints = dir.resolve("checkpoints");
      CpuSampler cpu = new CpuSampler(kafka.pid());
      try (EmbeddedFlink flink =
          EmbeddedFlink.start(options.partitions(), dir.resolve("savepoints"))) {
        log.printf(
            Locale.ROOT,
            "broker on %s; rates %s txn/s, %d s warm-up and %d s measured each, then a backlog;"
                + " checkpoints every %d ms, exactly-once sinks, parallelism %d%n",
            bootstrap,
            options.rates(),
            options.warmUp().toSeconds(),
            options.perRate().toSeconds(),
            options.checkpointInterval().toMillis(),
            options.partitions());
        log.println(E2eTable.header());
        log.flush();
        AvroCodec<Transaction> transactions = AvroCodec.of(Transaction.class);
        LoopResult passthrough =
            measure(
                "pass-through",
                flink,
                BenchJobs.passthroughLive(settings, checkpoints),
                BenchJobs.PASSTHROUGH_TOPIC,
                value -> transactions.decode(value).getEventTime(),
                options,
                options.seed(),
                bootstrap,
                cpu,
                log);
        // The scoring job's source starts at the earliest offset: let it see only its own load.
        BenchTopics.truncate(bootstrap, options.partitions(), Topic.TRANSACTIONS);
        AvroCodec<Score> scores = AvroCodec.of(Score.class);
        LoopResult platform =
            measure(
                "platform",
                flink,
                JobGraphs.scoring(settings, checkpoints),
                Topic.SCORES.topicName(),
                value -> scores.decode(value).getEventTime(),
                options,
                options.seed() + 1,
                bootstrap,
                cpu,
                log);
        // Last, with both jobs stopped: the JIT has compiled the model's code for the scorers,
        // which a fresh JVM's first seconds of scoring would otherwise pay for.
        CpuSampler.Sample before = cpu.sample();
        ScoringPoint djl = rawModel(settings, options.seed());
        CpuShares shares = CpuShares.between(before, cpu.sample());
        log.printf(
            Locale.ROOT,
            "raw DJL scoring (the model alone, this JVM, both jobs stopped): %,.0f seq/s at B=%d"
                + " on %d thread(s), p50 %.2f ms, p99 %.2f ms per call%n",
            djl.seqPerSecond(),
            djl.batchSize(),
            djl.threads(),
            djl.p50Ms(),
            djl.p99Ms());
        // Other users' load moves this figure most: say how much of the machine it had.
        log.println(shares.lines(0).get(0));
        E2eSummary summary = new E2eSummary(options.keyRate(), djl, platform, passthrough);
        summary.comparison().forEach(log::println);
        log.println("Stopping: Flink, broker");
        log.flush();
        return summary;
      }
    }
  }

  private static LoopResult measure(
      String name,
      EmbeddedFlink flink,
      StreamGraph graph,
      String outputTopic,
      ToLongFunction<byte[]> sentAt,
      Options options,
      long seed,
      String bootstrap,
      CpuSampler cpu,
      PrintWriter log)
      throws Exception {
    SyntheticStream stream = new SyntheticStream(seed);
    try (OutputReader reader = new OutputReader(bootstrap, outputTopic, sentAt);
        LiveProducer producer =
            new LiveProducer(bootstrap, now -> stream.next(now).transaction(), 0)) {
      JobID job = flink.submit(graph);
      try {
        producer.start();
        return LoopDriver.run(name, options.plan(), producer, reader, cpu, log);
      } finally {
        producer.rate(0);
        flink.stop(job, STOP_TIMEOUT);
      }
    }
  }

  /**
   * The model alone, as {@code bench scoring} measures it: one thread per scoring task, each with a
   * model of its own on the scorers' device, scoring batches of the scorer's largest size, shaped
   * like the platform's feature spec with histories full.
   */
  private static ScoringPoint rawModel(PlatformSettings settings, long seed) throws Exception {
    int threads = settings.parallelism();
    int batch = settings.scoringBatches().maxSize();
    List<List<List<ScoringInput>>> pools = new ArrayList<>(threads);
    for (int t = 0; t < threads; t++) {
      SpecShapedInputs inputs = new SpecShapedInputs(settings.features(), seed + t);
      List<List<ScoringInput>> pool = new ArrayList<>(PointMeasurer.POOL);
      for (int b = 0; b < PointMeasurer.POOL; b++) {
        pool.add(inputs.batch(batch, settings.historyLength()));
      }
      pools.add(pool);
    }
    return new PointMeasurer(DJL_WARM_UP, DJL_MEASURED)
        .measure(
            List.of(settings.modelConfig()),
            batch,
            threads,
            pools::get,
            config -> FraudModel.create(config, settings.device()))
        .get(0);
  }
}
