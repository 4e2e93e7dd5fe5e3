package io.riskstream.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MicroBatchTest {

  @Test
  void isFullAtTheMaximumSize() {
    MicroBatch<String> batch = new MicroBatch<>(new BatchLimits(2, Duration.ofSeconds(1)));

    assertThat(batch.add("a", 0)).isFalse();
    assertThat(batch.add("b", 0)).isTrue();
    assertThat(batch.drain()).containsExactly("a", "b");
    assertThat(batch.isEmpty()).isTrue();
  }

  @Test
  void theDeadlineFollowsTheFirstElementOfEachBatch() {
    MicroBatch<String> batch = new MicroBatch<>(new BatchLimits(10, Duration.ofMillis(5)));
    assertThat(batch.deadline()).isEqualTo(Long.MAX_VALUE);

    batch.add("a", 100);
    batch.add("b", 103);
    assertThat(batch.deadline()).isEqualTo(105);

    batch.drain();
    assertThat(batch.deadline()).isEqualTo(Long.MAX_VALUE);
    batch.add("c", 200);
    assertThat(batch.deadline()).isEqualTo(205);
  }

  @Test
  void limitsNameWhatIsWrong() {
    assertThatThrownBy(() -> new BatchLimits(0, Duration.ofMillis(5)))
        .hasMessage("scoring batch size must be at least 1, was 0");
    assertThatThrownBy(() -> new BatchLimits(8, Duration.ofMillis(-1)))
        .hasMessageContaining("scoring batch wait must be >= 0");
  }
}
