package io.riskstream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.bench.FreshnessAttribution.Attributed;
import io.riskstream.bench.FreshnessAttribution.Decision;
import io.riskstream.bench.FreshnessAttribution.Outcome;
import io.riskstream.bench.FreshnessAttribution.SentLabel;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreshnessAttributionTest {

  private static SentLabel label(long at) {
    return new SentLabel(at, at, false);
  }

  /** Labels at 100..104 and 200..202; v1 trains 100..104 at 150, v2 trains 200..202 at 260. */
  private static FreshnessAttribution twoVersions() {
    FreshnessAttribution a = new FreshnessAttribution();
    a.decision(new Decision(1, true, 104, 150, 5));
    a.decision(new Decision(2, true, 202, 260, 3));
    a.visible(1, 300);
    a.visible(1, 310); // a later read of another group of v1 changes nothing
    a.visible(2, 400);
    a.scored(0, 120);
    a.scored(1, 350);
    a.scored(1, 330);
    a.scored(2, 450);
    return a;
  }

  @Test
  void aLabelBelongsToTheFirstVersionTrainedThroughItsTimeAndItsFirstScore() {
    List<SentLabel> labels = List.of(label(100), label(104), label(201));
    FreshnessAttribution.Result result = twoVersions().attribute(labels, labels);

    Attributed first = result.labels().get(0);
    assertThat(first.outcome()).isEqualTo(Outcome.MEASURED);
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.freshness()).isEqualTo(330 - 100);
    assertThat(first.labelToTrain()).isEqualTo(50);
    assertThat(first.trainToVisible()).isEqualTo(150);
    assertThat(first.visibleToScore()).isEqualTo(30);
    assertThat(result.labels().get(1).version()).isEqualTo(1); // at the bound: trained through it
    assertThat(result.labels().get(2).version()).isEqualTo(2);
    assertThat(result.labels().get(2).freshness()).isEqualTo(450 - 201);
  }

  @Test
  void aNewerVersionScoredFirstCountsAsTheFirstScoreWithTheLabelsWeights() {
    FreshnessAttribution a = twoVersions();
    // v1 never reached a score: a scorer went straight from v0 to v2.
    FreshnessAttribution b = new FreshnessAttribution();
    b.decision(new Decision(1, true, 104, 150, 5));
    b.decision(new Decision(2, true, 202, 260, 3));
    b.visible(1, 300);
    b.visible(2, 400);
    b.scored(2, 420);
    List<SentLabel> labels = List.of(label(100));
    assertThat(b.attribute(labels, labels).labels().get(0).freshness()).isEqualTo(320);
    assertThat(a.attribute(labels, labels).labels().get(0).freshness()).isEqualTo(230);
  }

  @Test
  void aLabelProducedAfterTheDecisionWaitsForTheNextOneEvenIfItsTimeIsOlder() {
    // Its label time (100) is covered by v1, but it was sent at 170, after v1 was decided at 150.
    List<SentLabel> labels = List.of(new SentLabel(170, 100, false));
    Attributed a = twoVersions().attribute(labels, labels).labels().get(0);
    assertThat(a.version()).isEqualTo(2);
    assertThat(a.freshness()).isEqualTo(450 - 170);
  }

  @Test
  void heldBackRejectedPendingAndUnscoredLabelsHaveNoFreshness() {
    FreshnessAttribution a = new FreshnessAttribution();
    a.decision(new Decision(1, true, 104, 150, 5));
    a.decision(new Decision(2, false, 202, 260, 3)); // rejected: the batch 200..202 is dropped
    a.decision(new Decision(2, true, 302, 360, 3)); // the same number, other weights
    a.visible(1, 300);
    a.visible(2, 500);
    a.scored(1, 330);
    List<SentLabel> labels =
        List.of(new SentLabel(101, 101, true), label(201), label(301), label(900), label(102));
    FreshnessAttribution.Result result = a.attribute(labels, labels);
    assertThat(result.labels())
        .extracting(Attributed::outcome)
        .containsExactly(
            Outcome.HELD_BACK,
            Outcome.REJECTED,
            Outcome.UNSCORED,
            Outcome.PENDING,
            Outcome.MEASURED);
    assertThat(result.labels().get(2).version()).isEqualTo(2);
    assertThat(result.count(Outcome.MEASURED)).isEqualTo(1);
    assertThat(a.publishedVersions()).isEqualTo(2);
    assertThat(a.rejectedCandidates()).isEqualTo(1);
  }

  @Test
  void slackComparesAttributedLabelsWithTheLearnersBatchSizes() {
    FreshnessAttribution a = twoVersions();
    List<SentLabel> all =
        List.of(
            label(100),
            label(101),
            label(102),
            label(103),
            label(104),
            new SentLabel(104, 104, true), // held back: not in any batch
            label(200),
            label(201),
            label(202));
    assertThat(a.attribute(List.of(), all).slack()).isZero();
    // One label of v1's batch reached the trainer late and was trained in v2: attributed early.
    FreshnessAttribution b = new FreshnessAttribution();
    b.decision(new Decision(1, true, 104, 150, 4));
    b.decision(new Decision(2, true, 202, 260, 4));
    assertThat(b.attribute(List.of(), all).slack()).isEqualTo(1);
  }
}
