package io.riskstream.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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

  @Test
  void aVersionComesWithTheNewestUnappliedRecordsOfTheGroupsItDidNotChange() {
    // What compaction left of version 3 (its head record was superseded by version 5's).
    assertThat(assembler.add(ModelUpdates.update(3, "gate", 2, new byte[0]))).isEmpty();

    List<ModelUpdate> complete =
        assembler.add(ModelUpdates.update(5, "head", 1, new byte[0])).orElseThrow();
    assertThat(complete)
        .extracting(ModelUpdate::getGroup, ModelUpdate::getVersion)
        .containsExactly(tuple("gate", 3L), tuple("head", 5L));
    assembler.applied(complete);

    assertThat(assembler.add(ModelUpdates.update(6, "head", 1, new byte[0])).orElseThrow())
        .as("what was applied is not handed over again")
        .extracting(ModelUpdate::getVersion)
        .containsExactly(6L);
  }

  @Test
  void neverHandsOverRecordsTheStartingModelAlreadyHas() {
    VersionAssembler fromSeven = new VersionAssembler(7);
    fromSeven.add(ModelUpdates.update(4, "gate", 1, new byte[0]));

    assertThat(fromSeven.add(ModelUpdates.update(8, "head", 1, new byte[0])).orElseThrow())
        .extracting(ModelUpdate::getVersion)
        .containsExactly(8L);
  }
}
