package io.riskstream.learner.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DriftSettingsTest {

  @Test
  void parsesTheThreeReactions() {
    assertThat(DriftReaction.parse("none")).isEqualTo(new DriftReaction.None());
    assertThat(DriftReaction.parse("raise-lr:3x:20"))
        .isEqualTo(new DriftReaction.RaiseLearningRate(3, 20));
    assertThat(DriftReaction.parse(" reset:head ")).isEqualTo(new DriftReaction.ResetGroup("head"));
    assertThat(DriftReaction.parse("raise-lr:1.5x:4").kind())
        .isEqualTo(DriftReaction.Kind.RAISE_LEARNING_RATE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "raise-lr:3x:20", "raise-lr:1.5x:4", "reset:head"})
  void reactionsRoundTrip(String spec) {
    assertThat(DriftReaction.parse(spec).spec()).isEqualTo(spec);
  }

  @Test
  void settingsTakeDefaultsAndOverrides() {
    DriftSettings settings = DriftSettings.parse("reset:head,lambda=30,min=100");

    assertThat(settings.enabled()).isTrue();
    assertThat(settings.reaction()).isEqualTo(new DriftReaction.ResetGroup("head"));
    assertThat(settings.lambda()).isEqualTo(30);
    assertThat(settings.minInstances()).isEqualTo(100);
    assertThat(settings.delta()).isEqualTo(0.005);
    assertThat(settings.alpha()).isEqualTo(0.9999);
    assertThat(DriftSettings.parse("raise-lr:3x:20"))
        .isEqualTo(DriftSettings.defaults(new DriftReaction.RaiseLearningRate(3, 20)));
    assertThat(DriftSettings.parse("off")).isEqualTo(DriftSettings.disabled());
    assertThat(DriftSettings.disabled().enabled()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"off", "none", "raise-lr:3x:20,delta=0.01", "reset:head,lambda=30,alpha=1,min=5"})
  void settingsRoundTrip(String spec) {
    DriftSettings settings = DriftSettings.parse(spec);
    assertThat(DriftSettings.parse(settings.spec())).isEqualTo(settings);
  }

  @Test
  void newDetectorUsesTheSettings() {
    PageHinkley detector =
        DriftSettings.parse("none,delta=0,lambda=0.5,alpha=1,min=2").newDetector();
    assertThat(detector.add(0)).isFalse();
    assertThat(detector.add(5)).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|drift settings are empty",
        "bogus|unknown drift reaction 'bogus': expected none, raise-lr:<factor>x:<batches>",
        "raise-lr:3:20|should read raise-lr:<factor>x:<batches>",
        "raise-lr:3x|should read raise-lr:<factor>x:<batches>",
        "raise-lr:ax:20|factor 'ax' is not a number",
        "raise-lr:3x:many|batches 'many' is not a whole number",
        "raise-lr:1x:20|needs a finite factor > 1, got 1.0",
        "raise-lr:3x:0|needs at least 1 batch, got 0",
        "reset:|needs a group name",
        "reset:a:b|should read reset:<group>",
        "none,lambda|should read key=value",
        "none,speed=3|unknown drift setting 'speed'",
        "none,lambda=high|drift setting lambda has a value 'high' that is not a number",
        "none,lambda=-1|lambda must be finite and > 0, got -1.0",
        "none,alpha=2|alpha must be in (0, 1], got 2.0",
      })
  void rejectsMalformedSpecsInOneLine(String spec, String message) {
    assertThatThrownBy(() -> DriftSettings.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
