package io.riskstream.evaluation.baseline;

import static io.riskstream.evaluation.baseline.SyntheticStream.DAY;
import static io.riskstream.evaluation.baseline.SyntheticStream.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.evaluation.Example;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptiveRandomForestBaselineTest {

  private static final List<Example> STREAM = SyntheticStream.examples(6, 800, 15, 7);
  private static final PrequentialReplay REPLAY =
      new PrequentialReplay(Duration.ofDays(1), START + 2 * DAY);

  @Test
  void findsThePlantedPattern() {
    try (AdaptiveRandomForestBaseline arf = new AdaptiveRandomForestBaseline(15)) {
      PrequentialReplay.Result result = REPLAY.run(STREAM, arf);

      assertThat(result.scored()).hasSize(4 * 800);
      // With MOA's own vote normalisation some of these are NaN (see SafeVotingForest).
      assertThat(result.scored()).allSatisfy(s -> assertThat(s.score()).isBetween(0.0, 1.0));
      assertThat(SyntheticStream.auc(result.scored())).isGreaterThan(0.8);
    }
  }

  @Test
  void scoresZeroBeforeItHasLearned() {
    try (AdaptiveRandomForestBaseline arf = new AdaptiveRandomForestBaseline(2)) {
      assertThat(arf.score(new float[] {0.5f, 0.5f})).isZero();
    }
  }
}
