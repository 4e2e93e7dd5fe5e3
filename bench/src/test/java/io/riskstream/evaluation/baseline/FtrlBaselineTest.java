package io.riskstream.evaluation.baseline;

import static io.riskstream.evaluation.baseline.SyntheticStream.DAY;
import static io.riskstream.evaluation.baseline.SyntheticStream.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.evaluation.Example;
import io.riskstream.learner.challenger.FtrlParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FtrlBaselineTest {

  @Test
  void withThePlatformDefaultsFindsThePlantedPattern() {
    List<Example> stream = SyntheticStream.examples(6, 800, 15, 7);
    PrequentialReplay replay = new PrequentialReplay(Duration.ofDays(1), START + 2 * DAY);

    try (FtrlBaseline ftrl = FtrlBaseline.platformDefaults(15)) {
      PrequentialReplay.Result result = replay.run(stream, ftrl);

      assertThat(SyntheticStream.auc(result.scored())).isGreaterThan(0.8);
      // One step per 256 released labels, as the learner trains its challenger.
      assertThat(ftrl.updates()).isEqualTo(result.learned() / 256);
    }
  }

  @Test
  void findsThePatternInFeaturesOfVeryDifferentScales() {
    // The same stream with every feature shifted and scaled as the platform's are (all positive,
    // offsets near 4 or in the hundreds, spreads from 0.01 to 100): the standardization sees
    // through it, raw FTRL ranks it at chance.
    List<Example> stream = new ArrayList<>();
    for (Example e : SyntheticStream.examples(6, 800, 15, 7)) {
      float[] x = e.features().clone();
      for (int f = 0; f < x.length; f++) {
        x[f] = (float) ((f % 2 == 0 ? 4 : 300) + Math.pow(10, f % 5 - 2) * (x[f] + 1));
      }
      stream.add(new Example(e.cardId(), e.eventTime(), x, e.fraud()));
    }
    PrequentialReplay replay = new PrequentialReplay(Duration.ofDays(1), START + 2 * DAY);

    try (FtrlBaseline ftrl = FtrlBaseline.platformDefaults(15)) {
      double auc = SyntheticStream.auc(replay.run(stream, ftrl).scored());

      assertThat(auc).isGreaterThan(0.9);
    }
  }

  @Test
  void learnsNothingUntilABatchIsFull() {
    try (FtrlBaseline ftrl = new FtrlBaseline(2, FtrlParams.defaults(), 3)) {
      ftrl.learn(new float[] {1, 0}, true, START);
      ftrl.learn(new float[] {0, 1}, false, START);
      assertThat(ftrl.updates()).isZero();
      assertThat(ftrl.score(new float[] {1, 0})).isEqualTo(0.5);

      ftrl.learn(new float[] {1, 0}, true, START);
      assertThat(ftrl.updates()).isEqualTo(1);
      assertThat(ftrl.score(new float[] {1, 0})).isGreaterThan(ftrl.score(new float[] {0, 1}));
    }
  }
}
