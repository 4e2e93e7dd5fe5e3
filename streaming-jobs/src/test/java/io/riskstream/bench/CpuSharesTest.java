package io.riskstream.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuSharesTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void flinkTaskThreadsGroupByTaskAndOthersByKind() {
    assertThat(CpuSampler.group("sparse-attention scorer -> scores: Writer (1/2)#0"))
        .isEqualTo("task: sparse-attention scorer -> scores: Writer");
    assertThat(CpuSampler.group("sparse-attention scorer -> scores: Writer (2/2)#3"))
        .isEqualTo("task: sparse-attention scorer -> scores: Writer");
    assertThat(CpuSampler.group("kafka-producer-network-thread | producer-12"))
        .isEqualTo("kafka-producer-network-thread");
    assertThat(CpuSampler.group("C2 CompilerThread0")).isEqualTo("C2 CompilerThreadN");
    assertThat(CpuSampler.group("jobmanager-io-thread-12")).isEqualTo("jobmanager-io-thread-N");
  }

  @Test
  void linuxKnowsAJavaThreadByTheFirst15BytesOfItsName() {
    assertThat(CpuSampler.nativeName("C2 CompilerThread0")).isEqualTo("C2 CompilerThre");
    assertThat(CpuSampler.nativeName("main")).isEqualTo("main");
    // "⋈" is three bytes in UTF-8: the name is cut after 15 bytes, not 15 characters.
    assertThat(CpuSampler.nativeName("label ⋈ transaction (1/2)#0")).isEqualTo("label ⋈ trans");
  }

  @Test
  void sharesAreCoresBetweenTheSamplesBusiestFirst() {
    CpuSampler.Sample before =
        new CpuSampler.Sample(
            0,
            Map.of("task: a", 1 * SECOND, "task: b", 0L),
            Map.of("C2 CompilerThre", 3 * SECOND),
            100,
            5 * SECOND,
            2 * SECOND,
            1_000,
            4_000);
    CpuSampler.Sample after =
        new CpuSampler.Sample(
            10 * SECOND,
            Map.of("task: a", 6 * SECOND, "task: b", 9 * SECOND, "new thread", 2 * SECOND),
            Map.of("C2 CompilerThre", 5 * SECOND, "rocksdb:low", 1 * SECOND),
            1_600,
            20 * SECOND,
            4 * SECOND,
            2_900,
            6_000);

    CpuShares shares = CpuShares.between(before, after);

    assertThat(shares.seconds()).isEqualTo(10);
    assertThat(shares.groups())
        .extracting(CpuShares.Group::name)
        .containsExactly("task: b", "task: a", "new thread");
    assertThat(shares.groups().get(0).cores()).isCloseTo(0.9, offset(1e-9));
    assertThat(shares.groups().get(1).cores()).isCloseTo(0.5, offset(1e-9));
    assertThat(shares.process()).isCloseTo(1.5, offset(1e-9));
    assertThat(shares.broker()).isCloseTo(0.2, offset(1e-9));
    assertThat(shares.machineBusy()).isCloseTo(0.95, offset(1e-9));
    assertThat(shares.gc()).isCloseTo(0.15, offset(1e-9));
    assertThat(shares.busiestTask().name()).isEqualTo("task: b");
    assertThat(shares.nativeGroups())
        .extracting(CpuShares.Group::name)
        .containsExactly("C2 CompilerThre", "rocksdb:low");
    assertThat(shares.nativeGroups().get(0).cores()).isCloseTo(0.2, offset(1e-9));
    assertThat(shares.lines(8)).anyMatch(line -> line.contains("0.20 cores  C2 CompilerThre"));
  }

  @Test
  void unknownFiguresAreNotANumber() {
    CpuSampler.Sample before = new CpuSampler.Sample(0, Map.of(), Map.of(), 0, -1, -1, -1, -1);
    CpuSampler.Sample after = new CpuSampler.Sample(SECOND, Map.of(), Map.of(), 0, -1, -1, -1, -1);

    CpuShares shares = CpuShares.between(before, after);

    assertThat(shares.process()).isNaN();
    assertThat(shares.broker()).isNaN();
    assertThat(shares.machineBusy()).isNaN();
    assertThat(shares.busiestTask()).isNull();
  }
}
