package io.riskstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The job jar's entry point: its arguments, and that it defines what the embedded runtime runs. */
class JobMainTest {
  @TempDir Path dir;

  @Test
  void badArgumentsAreOneLineNamingTheProblem() {
    assertOneLineError(new String[] {}, "JOB");
    assertOneLineError(new String[] {"scorer", "--bootstrap", "k:9092"}, "scorer");
    assertOneLineError(new String[] {"scoring", "--checkpoints", "file:///c"}, "--bootstrap");
    assertOneLineError(new String[] {"learner", "--bootstrap", "k:9092"}, "--checkpoints");
    assertOneLineError(
        new String[] {"learner", "--bootstrap", "k:9092", "--checkpoints", "data/cp"},
        "--checkpoints must be an absolute URI");
    assertOneLineError(
        new String[] {"learner", "--bootstrap", "k:9092", "--checkpoints", "file:///c", "--x"},
        "--x");
  }

  @Test
  void eachJobGetsItsOwnCheckpointDirectory() {
    assertThat(JobMain.jobCheckpoints(java.net.URI.create("s3://b/cp/"), "riskstream-scoring"))
        .isEqualTo("s3://b/cp/riskstream-scoring");
    assertThat(JobMain.jobCheckpoints(java.net.URI.create("file:///cp"), "riskstream-learner"))
        .isEqualTo("file:///cp/riskstream-learner");
  }

  @Test
  void scoringGraphIsTheOneTheEmbeddedRuntimeSubmits() {
    assertSameGraph("scoring", JobGraphs::scoring);
  }

  @Test
  void learnerGraphIsTheOneTheEmbeddedRuntimeSubmits() {
    assertSameGraph("learner", JobGraphs::learner);
  }

  private void assertSameGraph(
      String job, BiFunction<PlatformSettings, Path, StreamGraph> embedded) {
    Path checkpoints = dir.resolve("checkpoints");
    JobMain main = parse(job, "--bootstrap", "kafka:9092", "--checkpoints", uri(checkpoints));
    StreamGraph submitted = main.environment().getStreamGraph();
    StreamGraph expected = embedded.apply(PlatformSettings.defaults("kafka:9092"), checkpoints);

    assertThat(submitted.getJobName()).isEqualTo(expected.getJobName()).isEqualTo(main.name());
    assertThat(nodes(submitted)).isEqualTo(nodes(expected)).isNotEmpty();
    assertThat(submitted.getJobConfiguration().toMap())
        .isEqualTo(expected.getJobConfiguration().toMap());
    assertThat(submitted.getCheckpointConfig().toConfiguration().toMap())
        .isEqualTo(expected.getCheckpointConfig().toConfiguration().toMap());
    assertThat(submitted.getJobConfiguration().toMap())
        .containsEntry("state.backend.type", "rocksdb")
        .containsEntry("execution.checkpointing.mode", "EXACTLY_ONCE")
        .containsEntry(
            "execution.checkpointing.dir",
            checkpoints.resolve(main.name()).toUri().toString().replaceAll("/$", ""));
  }

  /** Every operator's uid, name and parallelism in id order (ids count on across graphs). */
  private static List<String> nodes(StreamGraph graph) {
    return graph.getStreamNodes().stream()
        .sorted(java.util.Comparator.comparingInt(StreamNode::getId))
        .map(
            n ->
                "uid="
                    + n.getTransformationUID()
                    + " name="
                    + n.getOperatorName()
                    + " p="
                    + n.getParallelism())
        .toList();
  }

  private static String uri(Path path) {
    return path.toUri().toString();
  }

  private static JobMain parse(String... args) {
    CommandLine cli = JobMain.commandLine();
    cli.parseArgs(args);
    return cli.getCommand();
  }

  private static void assertOneLineError(String[] args, String names) {
    CommandLine cli = JobMain.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    assertThat(cli.execute(args)).isEqualTo(2);
    String text = err.toString().strip();
    assertThat(text).startsWith("riskstream-jobs: ").contains(names).doesNotContain("\n");
  }
}
