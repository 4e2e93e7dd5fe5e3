package io.riskstream.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.schemas.ModelUpdate;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionAssemblerTest {
  private final VersionAssembler assembler = new VersionAssembler(0);

  @Test
  void handsOverAVersionOnlyWhenAllItsGroupsArrived() {
    assertThat(assembler.add(ModelUpdates.update(1, "head", 2, new byte[0]))).isEmpty();

    List<ModelUpdate> complete =
        assembler.add(ModelUpdates.update(1, "gate", 2, new byte[0])).orElseThrow();

    assertThat(complete)
        .extracting(ModelUpdate::getGroup)
        .containsExactlyInAnyOrder("head", "gate");
  }

  @Test
  void ignoresOldAndRepeatedVersions() {
    assertThat(assembler.add(ModelUpdates.update(2, "head", 1, new byte[0]))).isPresent();

    assertThat(assembler.add(ModelUpdates.update(2, "head", 1, new byte[0]))).isEmpty();
    assertThat(assembler.add(ModelUpdates.update(1, "head", 1, new byte[0]))).isEmpty();
  }

  @Test
  void aNewerCompleteVersionDropsOlderIncompleteOnes() {
    assembler.add(ModelUpdates.update(1, "head", 2, new byte[0]));
    assertThat(assembler.pendingVersions()).isEqualTo(1);

    assertThat(assembler.add(ModelUpdates.update(2, "head", 1, new byte[0]))).isPresent();

    assertThat(assembler.pendingVersions()).isZero();
    assertThat(assembler.add(ModelUpdates.update(1, "gate", 2, new byte[0]))).isEmpty();
  }
}
