package io.riskstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DevicePreferenceTest {

  @Test
  void parsesTheThreeValuesAndRejectsOthersInOneLine() {
    assertThat(DevicePreference.parse("auto")).isEqualTo(DevicePreference.AUTO);
    assertThat(DevicePreference.parse(" GPU ")).isEqualTo(DevicePreference.GPU);
    assertThat(DevicePreference.parse("cpu")).isEqualTo(DevicePreference.CPU);
    assertThatThrownBy(() -> DevicePreference.parse("tpu"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("device must be auto, cpu or gpu, got 'tpu'");
    assertThatThrownBy(() -> DevicePreference.parse(null)).hasMessageContaining("auto, cpu or gpu");
  }

  @Test
  void autoPicksAGpuOnlyWhenOneIsVisible() {
    assertThat(DevicePreference.AUTO.resolve(0)).isEqualTo(Device.cpu());
    assertThat(DevicePreference.AUTO.resolve(2)).isEqualTo(Device.gpu(0));
    assertThat(DevicePreference.CPU.resolve(2)).isEqualTo(Device.cpu());
    assertThat(DevicePreference.GPU.resolve(1)).isEqualTo(Device.gpu(0));
    assertThatThrownBy(() -> DevicePreference.GPU.resolve(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no CUDA GPU");
  }

  /**
   * On a machine without a GPU (CI, this project's build machines) auto falls back to the CPU; on a
   * GPU machine built with -Pgpu it runs there. Either way it scores what the CPU model scores.
   */
  @Test
  void autoScoresLikeTheCpuModelWhereverItRuns() {
    List<ScoringInput> batch = TestData.batch(new Random(51), TestData.SMALL.featureDim(), 16, 12);
    try (FraudModel cpu = FraudModel.create(TestData.SMALL, DevicePreference.CPU);
        FraudModel auto = FraudModel.create(TestData.SMALL, DevicePreference.AUTO)) {
      assertThat(cpu.device()).isEqualTo(Device.cpu());
      assertThat(auto.device()).isEqualTo(DevicePreference.AUTO.resolve());
      float[] expected = cpu.score(batch);
      float[] actual = auto.score(batch);
      for (int i = 0; i < expected.length; i++) {
        assertThat(actual[i]).isCloseTo(expected[i], within(1e-4f));
      }
      assertThat(auto.explain(batch, 2)).hasSize(batch.size());
    }
  }
}
