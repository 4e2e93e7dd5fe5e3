package io.riskstream.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Drives one running job through {@code bench e2e}'s load: a trickle until its first output, then
 * each offered rate (a warm-up, the measurement window, a grace period for the window's
 * transactions to come out), then a backlog whose draining gives the job's maximum throughput.
 *
 * <p>The producer pauses after each window: a loop that kept up is idle again by the next rate, and
 * one that did not starts the next rate behind, which the next rate's figures show (it cannot keep
 * up with more if it could not with less). The backlog goes last because a job that ends behind is
 * stopped behind.
 */
final class LoopDriver {
  /** Sent until the job's first output, so its start-up leaves no backlog. */
  private static final double STARTUP_RATE = 20;

  private static final Duration FIRST_OUTPUT_TIMEOUT = Duration.ofSeconds(240);

  /** Lets the producer's last sends and flushes settle before the drain is measured. */
  private static final Duration SETTLE = Duration.ofSeconds(1);

  /** The burst's bounds: a few seconds of producing at most, and some tens of MB on the broker. */
  static final long MIN_BURST = 10_000;

  static final long MAX_BURST = 1_000_000;

  private static final Duration POLL = Duration.ofMillis(20);
  private static final long PROGRESS_EVERY_MS = 5_000;

  /**
   * The load.
   *
   * @param rates offered rates, lowest first
   * @param warmUp at each rate before its window
   * @param perRate each rate's measurement window
   * @param drainWindow how long the drain rate is measured at most
   * @param grace after a window, how long its transactions may take to come out (the exactly-once
   *     sink shows them at its next checkpoint's commit)
   */
  record Plan(
      List<Integer> rates,
      Duration warmUp,
      Duration perRate,
      Duration drainWindow,
      Duration grace) {
    Plan {
      rates = List.copyOf(rates);
    }
  }

  private final String job;
  private final LiveProducer producer;
  private final OutputReader reader;
  private final CpuSampler cpu;
  private final PrintWriter log;
  private final long started = System.currentTimeMillis();
  private long nextProgress = started + PROGRESS_EVERY_MS;
  private String doing = "starting";

  private LoopDriver(
      String job, LiveProducer producer, OutputReader reader, CpuSampler cpu, PrintWriter log) {
    this.job = job;
    this.producer = producer;
    this.reader = reader;
    this.cpu = cpu;
    this.log = log;
  }

  /**
   * Runs the plan against a job just submitted; {@code producer} must be started, {@code reader}
   * created before the job was submitted.
   */
  static LoopResult run(
      String job,
      Plan plan,
      LiveProducer producer,
      OutputReader reader,
      CpuSampler cpu,
      PrintWriter log)
      throws Exception {
    return new LoopDriver(job, producer, reader, cpu, log).run(plan);
  }

  private LoopResult run(Plan plan) throws Exception {
    producer.rate(STARTUP_RATE);
    if (!pollUntil(started + FIRST_OUTPUT_TIMEOUT.toMillis(), () -> log().size() > 0)) {
      throw new IllegalStateException(
          job + " wrote nothing within " + FIRST_OUTPUT_TIMEOUT.toSeconds() + " s");
    }
    double startup = (System.currentTimeMillis() - started) / 1e3;
    say("first output after %.1f s", startup);
    List<RatePhase> phases = new ArrayList<>();
    for (int rate : plan.rates()) {
      RatePhase phase = ratePhase(rate, plan);
      phases.add(phase);
      log.println(E2eTable.row(job, phase));
      log.flush();
    }
    return drain(plan, phases, startup);
  }

  private RatePhase ratePhase(int rate, Plan plan) throws Exception {
    doing = String.format(Locale.ROOT, "%,d txn/s", rate);
    producer.rate(rate);
    pollUntil(System.currentTimeMillis() + plan.warmUp().toMillis(), () -> false);
    long from = System.currentTimeMillis();
    long until = from + plan.perRate().toMillis();
    LiveProducer.Window window = producer.window(from, until);
    pollUntil(until, () -> false);
    producer.rate(0);
    doing = String.format(Locale.ROOT, "%,d txn/s, waiting for the window's outputs", rate);
    int[] seen = {0};
    long[] delivered = {0};
    pollUntil(
        until + plan.grace().toMillis(),
        () -> {
          delivered[0] += log().countSent(from, until, seen[0]);
          seen[0] = log().size();
          return delivered[0] >= window.sent();
        });
    return RatePhase.of(rate, from, until, window.sent(), log());
  }

  /**
   * Tops the backlog up so that, at the fastest rate the job has shown, it lasts the window, and
   * measures how fast the job works it off. When the job kept up with every rate its speed is
   * unknown beyond the highest, so the burst is made a few times larger.
   */
  private LoopResult drain(Plan plan, List<RatePhase> phases, double startup) throws Exception {
    double fastest = 0;
    boolean fellBehind = false;
    for (RatePhase phase : phases) {
      fastest = Math.max(fastest, phase.writtenPerSecond());
      fellBehind |= phase.verdict() == RatePhase.Verdict.UNSUSTAINED;
    }
    double seconds = (SETTLE.toMillis() + plan.drainWindow().toMillis()) / 1e3;
    long wanted = (long) (fastest * seconds * (fellBehind ? 1.5 : 4));
    long outstanding = producer.sent() - log().size();
    long burst = Math.min(MAX_BURST, Math.max(MIN_BURST, wanted - outstanding));
    if (outstanding >= wanted) {
      burst = 0;
    }
    doing = String.format(Locale.ROOT, "sending a backlog of %,d", burst);
    // From the burst on: a job as fast as the producer is busy only while the burst is sent.
    CpuSampler.Sample before = cpu.sample();
    long burstStart = System.currentTimeMillis();
    long target = producer.sent() + burst;
    producer.burst(burst);
    pollUntil(Long.MAX_VALUE, () -> producer.sent() >= target);
    long from = System.currentTimeMillis() + SETTLE.toMillis();
    doing = "draining";
    pollUntil(from, () -> false);
    long backlog = producer.sent() - log().size();
    long until = from + plan.drainWindow().toMillis();
    pollUntil(until, this::caughtUp);
    CpuShares shares = CpuShares.between(before, cpu.sample());
    until = Math.min(until, System.currentTimeMillis());
    doing = "draining, waiting for the window's outputs";
    pollUntil(until + plan.grace().toMillis(), this::caughtUp);
    DrainRate drain = DrainRate.of(log(), burstStart, from, until, !caughtUp(), backlog);
    log.println(E2eTable.drainRow(job, drain));
    shares.lines(8).forEach(log::println);
    log.flush();
    return new LoopResult(job, startup, phases, drain, shares);
  }

  private boolean caughtUp() {
    return log().size() >= producer.sent();
  }

  private OutputLog log() {
    return reader.log();
  }

  /** Polls the output until {@code done} or the deadline; returns whether it was done. */
  private boolean pollUntil(long deadline, BooleanSupplier done) throws Exception {
    while (true) {
      producer.check();
      reader.poll(POLL);
      if (done.getAsBoolean()) {
        return true;
      }
      long now = System.currentTimeMillis();
      if (now >= nextProgress) {
        nextProgress += PROGRESS_EVERY_MS;
        say(
            "%s: sent %,d, out %,d (%,d behind)",
            doing, producer.sent(), log().size(), producer.sent() - log().size());
      }
      if (now >= deadline) {
        return false;
      }
    }
  }

  private void say(String format, Object... args) {
    log.printf(
        Locale.ROOT,
        "[%4.0fs] %s: %s%n",
        (System.currentTimeMillis() - started) / 1e3,
        job,
        String.format(Locale.ROOT, format, args));
    log.flush();
  }
}
