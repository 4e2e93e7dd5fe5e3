package io.riskstream.evaluation.baseline;

import static io.riskstream.evaluation.baseline.SyntheticStream.DAY;
import static io.riskstream.evaluation.baseline.SyntheticStream.START;

import io.riskstream.evaluation.Example;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Times each baseline over an evaluation-sized synthetic replay, by hand rather than as a test (a
 * time limit would fail on a busy machine): 42 days of 10,000 transactions with 15 features, a
 * 7-day label delay and scoring from day 7, so 350,000 transactions are scored and 350,000 labels
 * learned ({@code -Dfeatures=N} for another width). Prints wall-clock and CPU seconds (the CPU
 * figure is what the baseline costs on a quiet core) and the AUC. After {@code ./mvnw -o -B -pl
 * bench verify -Dtest='BaselineTiming*' -Dsurefire.failIfNoSpecifiedTests=false} (which builds the
 * test classes and the classpath file):
 *
 * <pre>
 *   cd bench && java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/classpath.txt)" \
 *     io.riskstream.evaluation.baseline.BaselineTiming [xgboost] [arf] [ftrl]
 * </pre>
 */
public final class BaselineTiming {

  /** 15 unless {@code -Dfeatures=N}: the real feature vectors have 15 to 40. */
  private static final int FEATURES = Integer.getInteger("features", 15);

  private BaselineTiming() {}

  public static void main(String[] args) {
    List<String> chosen = args.length == 0 ? List.of("xgboost", "arf", "ftrl") : List.of(args);
    List<Example> examples = SyntheticStream.examples(42, 10_000, FEATURES, 1);
    PrequentialReplay replay = new PrequentialReplay(Duration.ofDays(7), START + 7 * DAY);
    for (String name : chosen) {
      IntFunction<Baseline> factory =
          switch (name) {
            case "xgboost" -> XgboostBaseline::new;
            case "arf" -> AdaptiveRandomForestBaseline::new;
            case "ftrl" -> FtrlBaseline::platformDefaults;
            default -> throw new IllegalArgumentException("no baseline " + name);
          };
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      try (Baseline baseline = factory.apply(FEATURES)) {
        long cpu = threads.getCurrentThreadCpuTime();
        PrequentialReplay.Result result = replay.run(examples, baseline);
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        System.out.printf(
            "%-8s scored %d, learned %d: %.1f s wall, %.1f s CPU (this thread), AUC %.4f%n",
            name,
            result.scored().size(),
            result.learned(),
            result.seconds(),
            cpuSeconds,
            SyntheticStream.auc(result.scored()));
      }
    }
  }
}
