package io.riskstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedModelTest {

  private static final int F = TestData.SMALL.featureDim();
  private static final List<ScoringInput> PROBE = TestData.batch(new Random(31), F, 16, 12);
  private static final long TRAINED_THROUGH = 1_533_081_599_000L;

  /** Trained a few steps, so every group differs from a fresh model's. */
  private static FraudModel trained;

  private static SavedModel saved;

  @TempDir Path dir;

  @BeforeAll
  static void train() {
    trained = TestData.trained(32);
    Map<String, String> training = new LinkedHashMap<>();
    training.put("rows", "160");
    training.put("loss", "0.5 = a half: escaped");
    saved = SavedModel.of(trained, "test-model", 1, TRAINED_THROUGH, "handbook", training);
  }

  @AfterAll
  static void close() {
    trained.close();
  }

  @Test
  void roundTripThroughADirectoryKeepsEverythingAndScoresIdentically() throws Exception {
    saved.save(dir);

    SavedModel loaded = SavedModel.load(dir);

    assertThat(loaded).isEqualTo(saved);
    assertThat(loaded.modelId()).isEqualTo("test-model");
    assertThat(loaded.version()).isEqualTo(1);
    assertThat(loaded.trainedThrough()).isEqualTo(TRAINED_THROUGH);
    assertThat(loaded.featureLayout()).isEqualTo("handbook");
    assertThat(loaded.config()).isEqualTo(TestData.SMALL);
    assertThat(loaded.groups().keySet()).containsExactlyElementsOf(TestData.GROUPS);
    assertThat(loaded.training()).containsEntry("loss", "0.5 = a half: escaped");
    try (FraudModel model = loaded.toModel()) {
      assertThat(model.score(PROBE)).containsExactly(trained.score(PROBE));
    }
    assertThat(Files.readString(dir.resolve(SavedModel.MANIFEST)))
        .contains("model.version=1", "feature.layout=handbook", "config.historyLength=8")
        .contains("group.experts/1=experts-1.payload", "training.rows=160");
    assertThat(dir.resolve("experts-1.payload")).exists();
  }

  @Test
  void applyToLoadsTheWeightsIntoAModelOfTheSameConfigOnly() {
    try (FraudModel fresh = FraudModel.create(TestData.SMALL);
        FraudModel other = FraudModel.create(TestData.SMALL.withSeed(8))) {
      assertThat(fresh.score(PROBE)).isNotEqualTo(trained.score(PROBE));

      saved.applyTo(fresh);

      assertThat(fresh.score(PROBE)).containsExactly(trained.score(PROBE));
      assertThatThrownBy(() -> saved.applyTo(other))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("has config");
    }
  }

  @Test
  void javaSerializationKeepsTheModel() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(saved);
    }
    Object copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = in.readObject();
    }

    assertThat(copy).isEqualTo(saved);
    try (FraudModel model = ((SavedModel) copy).toModel()) {
      assertThat(model.score(PROBE)).containsExactly(trained.score(PROBE));
    }
  }

  @Test
  void aCorruptPayloadIsRejectedNamingItsFile() throws Exception {
    saved.save(dir);
    Path head = dir.resolve("head.payload");
    byte[] bytes = Files.readAllBytes(head);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(head, bytes);

    assertThatThrownBy(() -> SavedModel.load(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(head + ": ")
        .hasMessageContaining("checksum")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aMissingGroupIsRejectedNamingItsFile() throws Exception {
    saved.save(dir);
    Path gate = dir.resolve("gate.payload");
    Files.delete(gate);

    assertThatThrownBy(() -> SavedModel.load(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(gate + ": cannot read the payload of group 'gate'");
  }

  @Test
  void aPayloadOfAnotherVersionOrAnotherGroupIsRejected() throws Exception {
    saved.save(dir);
    Path head = dir.resolve("head.payload");
    Files.write(head, trained.exportGroup(ParameterGroups.HEAD, "test-model", 2));

    assertThatThrownBy(() -> SavedModel.load(dir))
        .hasMessage(head + ": payload is test-model v2, the manifest says test-model v1");

    Files.write(head, saved.groups().get(ParameterGroups.GATE));
    assertThatThrownBy(() -> SavedModel.load(dir)).hasMessageStartingWith(head + ": ");
  }

  @Test
  void aMissingOrIncompleteManifestIsRejectedNamingIt() throws Exception {
    assertThatThrownBy(() -> SavedModel.load(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(dir.resolve(SavedModel.MANIFEST).toString());

    saved.save(dir);
    Path manifest = dir.resolve(SavedModel.MANIFEST);
    Files.writeString(manifest, Files.readString(manifest).replaceAll("(?m)^group\\.head=.*$", ""));
    assertThatThrownBy(() -> SavedModel.load(dir)).hasMessage(manifest + ": no group.head");
  }

  @Test
  void groupsMustBeThoseOfTheConfig() {
    Map<String, byte[]> groups = new LinkedHashMap<>(saved.groups());
    groups.remove(ParameterGroups.HEAD);

    assertThatThrownBy(
            () -> new SavedModel("test-model", 1, 0, "handbook", TestData.SMALL, groups, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("groups must be");
  }
}
