package io.riskstream.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
  @Test
  void nearestRankPercentilesOfOneToHundred() {
    LatencyRecorder recorder = new LatencyRecorder();
    for (long ms = 100; ms >= 1; ms--) {
      recorder.record(ms);
    }
    assertThat(recorder.count()).isEqualTo(100);
    assertThat(recorder.percentile(50)).isEqualTo(50);
    assertThat(recorder.percentile(99)).isEqualTo(99);
    assertThat(recorder.percentile(99.5)).isEqualTo(100);
    assertThat(recorder.percentile(100)).isEqualTo(100);
    assertThat(recorder.percentile(0.1)).isEqualTo(1);
  }

  @Test
  void growsPastItsInitialCapacity() {
    LatencyRecorder recorder = new LatencyRecorder();
    for (int i = 0; i < 5000; i++) {
      recorder.record(i % 10 == 9 ? 1000 : 10);
    }
    assertThat(recorder.count()).isEqualTo(5000);
    assertThat(recorder.percentile(50)).isEqualTo(10);
    assertThat(recorder.percentile(90)).isEqualTo(10);
    assertThat(recorder.percentile(91)).isEqualTo(1000);
  }

  @Test
  void addAllCombinesTwoThreadsSamples() {
    LatencyRecorder first = new LatencyRecorder();
    LatencyRecorder second = new LatencyRecorder();
    for (int i = 0; i < 900; i++) {
      first.record(10);
    }
    for (int i = 0; i < 1100; i++) {
      second.record(i < 1000 ? 20 : 500);
    }
    first.addAll(second);
    assertThat(first.count()).isEqualTo(2000);
    assertThat(first.percentile(45)).isEqualTo(10);
    assertThat(first.percentile(50)).isEqualTo(20);
    assertThat(first.percentile(96)).isEqualTo(500);
    assertThat(second.count()).isEqualTo(1100);
  }

  @Test
  void oneSampleIsEveryPercentile() {
    LatencyRecorder recorder = new LatencyRecorder();
    recorder.record(7);
    assertThat(recorder.percentile(1)).isEqualTo(7);
    assertThat(recorder.percentile(99)).isEqualTo(7);
  }

  @Test
  void refusesEmptyAndOutOfRange() {
    LatencyRecorder recorder = new LatencyRecorder();
    assertThatThrownBy(() -> recorder.percentile(99)).isInstanceOf(IllegalStateException.class);
    recorder.record(1);
    assertThatThrownBy(() -> recorder.percentile(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> recorder.percentile(101)).isInstanceOf(IllegalArgumentException.class);
  }
}
