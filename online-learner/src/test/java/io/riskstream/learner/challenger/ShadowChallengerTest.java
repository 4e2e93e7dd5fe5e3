package io.riskstream.learner.challenger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class ShadowChallengerTest {

  /**
   * A ShadowChallenger as the learner's state held it before the challenger standardized: two
   * features, Flink ML's defaults, trained on [1, 2] fraud and [3, -1] genuine, then [1, 0] fraud
   * (the hand-worked steps of FtrlLogisticRegressionTest), Java-serialized.
   */
  private static final String SAVED_BEFORE_STANDARDIZING =
      "rO0ABXNyADFpby5yaXNrc3RyZWFtLmxlYXJuZXIuY2hhbGxlbmdlci5TaGFkb3dDaGFsbGVuZ2VyAAAA"
          + "AAAAAAECAAFMAAVtb2RlbHQAOUxpby9yaXNrc3RyZWFtL2xlYXJuZXIvY2hhbGxlbmdlci9GdHJsTG9n"
          + "aXN0aWNSZWdyZXNzaW9uO3hwc3IAN2lvLnJpc2tzdHJlYW0ubGVhcm5lci5jaGFsbGVuZ2VyLkZ0cmxM"
          + "b2dpc3RpY1JlZ3Jlc3Npb24AAAAAAAAAAQIABUoADG1vZGVsVmVyc2lvblsAAW50AAJbREwABnBhcmFt"
          + "c3QALUxpby9yaXNrc3RyZWFtL2xlYXJuZXIvY2hhbGxlbmdlci9GdHJsUGFyYW1zO1sAB3dlaWdodHNx"
          + "AH4ABFsAAXpxAH4ABHhwAAAAAAAAAAJ1cgACW0Q+powUq2NaHgIAAHhwAAAAAz/grh6R7PKuP+IAAAAA"
          + "AAA/0Vw9I9nlXXNyACtpby5yaXNrc3RyZWFtLmxlYXJuZXIuY2hhbGxlbmdlci5GdHJsUGFyYW1zAAAA"
          + "AAAAAAACAAREAAVhbHBoYUQABGJldGFEAAplbGFzdGljTmV0RAADcmVneHA/uZmZmZmZmj+5mZmZmZma"
          + "AAAAAAAAAAAAAAAAAAAAAHVxAH4ABwAAAAO/lHNqHpBdlz+2lpaWlpaXP7V591HEowp1cQB+AAcAAAAD"
          + "P8UDQZKIE1i/6AAAAAAAAL/gqpFmd5JY";

  @Test
  void stateSavedBeforeStandardizingRestoresAndKeepsItsRawFeatures() throws Exception {
    ShadowChallenger restored =
        InstantiationUtil.deserializeObject(
            Base64.getDecoder().decode(SAVED_BEFORE_STANDARDIZING), getClass().getClassLoader());

    // Its weights were fitted to raw features, so it goes on reading them, and publishes format 1.
    assertThat(restored.version()).isEqualTo(2);
    assertThat(restored.modelData().standardizer()).isNull();
    assertThat(restored.modelData().coefficient().get(0)).isEqualTo(-0.019971521487688184);
    assertThat(restored.modelData().toBytes()[7]).isEqualTo((byte) FtrlModelData.FORMAT_RAW);
    assertThat(restored.score(List.of(new float[] {1, 2}, new float[] {3, -1})))
        .containsExactly(0.5598101f, 0.48394114f);
    restored.learn(List.of(new float[] {0, 1}), new float[] {0});
    assertThat(restored.version()).isEqualTo(3);
  }

  @Test
  void aNewChallengerStandardizesAndItsStateKeepsTheStatistics() throws Exception {
    ShadowChallenger challenger = new ShadowChallenger(2, FtrlParams.defaults());
    challenger.learn(List.of(new float[] {10, 1}, new float[] {30, 2}), new float[] {1, 0});

    ShadowChallenger restored =
        InstantiationUtil.deserializeObject(
            InstantiationUtil.serializeObject(challenger), getClass().getClassLoader());

    assertThat(restored.modelData()).isEqualTo(challenger.modelData());
    assertThat(restored.modelData().standardizer().mean(0)).isEqualTo(20);
    List<float[]> probe = List.of(new float[] {12, 1}, new float[] {25, 3});
    assertThat(restored.score(probe)).containsExactly(challenger.score(probe));
  }
}
