package io.riskstream.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.schemas.Transaction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticStreamTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final int N = 100_000;

  private static List<GeneratedTransaction> generate(long seed, int n) {
    SyntheticStream stream = new SyntheticStream(seed);
    List<GeneratedTransaction> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(stream.next(T0 + i * 100L)); // 10 per second of event time
    }
    return out;
  }

  @Test
  void sameSeedSameStream() {
    assertThat(generate(42, 5_000)).isEqualTo(generate(42, 5_000));
    assertThat(generate(42, 1_000)).isNotEqualTo(generate(43, 1_000));
  }

  @Test
  void idsAreWellFormedAndTransactionIdsUnique() {
    List<GeneratedTransaction> stream = generate(7, 20_000);
    Set<String> ids = new HashSet<>();
    for (GeneratedTransaction g : stream) {
      Transaction t = g.transaction();
      assertThat(ids.add(t.getTransactionId().toString())).isTrue();
      assertThat(t.getCardId().toString()).matches("c-\\d{5}");
      assertThat(t.getTerminalId().toString()).matches("t-\\d{4}");
      assertThat(t.getAmount()).isGreaterThanOrEqualTo(0).isFinite();
    }
    assertThat(stream.get(123).transaction().getEventTime()).isEqualTo(T0 + 12_300L);
  }

  @Test
  void fraudRateIsRealisticAndBothPatternsOccur() {
    List<GeneratedTransaction> stream = generate(1, N);
    Map<FraudPattern, Integer> byPattern = new EnumMap<>(FraudPattern.class);
    for (GeneratedTransaction g : stream) {
      byPattern.merge(g.pattern(), 1, Integer::sum);
      assertThat(g.fraud()).isEqualTo(g.pattern() != FraudPattern.NONE);
    }
    double fraudRate = (N - byPattern.getOrDefault(FraudPattern.NONE, 0)) / (double) N;
    assertThat(fraudRate).isBetween(0.01, 0.03);
    assertThat(byPattern.getOrDefault(FraudPattern.COMPROMISED_CARD, 0)).isGreaterThan(N / 500);
    assertThat(byPattern.getOrDefault(FraudPattern.COMPROMISED_TERMINAL, 0)).isGreaterThan(N / 500);
  }

  @Test
  void fraudRateHoldsForOtherSeeds() {
    for (long seed = 100; seed < 103; seed++) {
      long fraud = generate(seed, 50_000).stream().filter(GeneratedTransaction::fraud).count();
      assertThat(fraud / 50_000.0).as("seed %d", seed).isBetween(0.01, 0.03);
    }
  }

  @Test
  void compromisedCardsBurstWithHighAmountsAtUnusualTerminals() {
    List<GeneratedTransaction> stream = generate(3, N);
    Map<String, Set<String>> legitTerminals = new HashMap<>();
    Map<String, double[]> legitAmount = new HashMap<>(); // sum, count
    for (GeneratedTransaction g : stream) {
      if (!g.fraud()) {
        String card = g.transaction().getCardId().toString();
        legitTerminals
            .computeIfAbsent(card, c -> new HashSet<>())
            .add(g.transaction().getTerminalId().toString());
        double[] a = legitAmount.computeIfAbsent(card, c -> new double[2]);
        a[0] += g.transaction().getAmount();
        a[1]++;
      }
    }
    double fraudAmount = 0;
    double legitMean = 0;
    int fraud = 0;
    int unusual = 0;
    for (GeneratedTransaction g : stream) {
      if (g.pattern() == FraudPattern.COMPROMISED_CARD) {
        String card = g.transaction().getCardId().toString();
        fraud++;
        fraudAmount += g.transaction().getAmount();
        double[] a = legitAmount.get(card);
        legitMean += a == null ? 0 : a[0] / a[1];
        Set<String> usual = legitTerminals.getOrDefault(card, Set.of());
        if (!usual.contains(g.transaction().getTerminalId().toString())) {
          unusual++;
        }
      }
    }
    assertThat(fraudAmount / fraud).isGreaterThan(3 * legitMean / fraud);
    assertThat(unusual).isGreaterThan(fraud * 8 / 10);

    // Bursts are short: consecutive fraud transactions of one card lie within a few hundred
    // transactions of the stream (under a minute of event time at 10 per second).
    Map<String, Integer> lastFraudIndex = new HashMap<>();
    int close = 0;
    int pairs = 0;
    for (int i = 0; i < stream.size(); i++) {
      GeneratedTransaction g = stream.get(i);
      if (g.pattern() == FraudPattern.COMPROMISED_CARD) {
        Integer previous = lastFraudIndex.put(g.transaction().getCardId().toString(), i);
        if (previous != null) {
          pairs++;
          close += i - previous < 300 ? 1 : 0;
        }
      }
    }
    assertThat(pairs).isGreaterThan(0);
    assertThat(close).isGreaterThan(pairs * 9 / 10);
  }

  @Test
  void compromisedTerminalsTurnAllTheirTrafficFraudulentForAWhile() {
    List<GeneratedTransaction> stream = generate(5, N);
    Map<String, List<Integer>> fraudAt = new HashMap<>();
    for (int i = 0; i < stream.size(); i++) {
      GeneratedTransaction g = stream.get(i);
      if (g.pattern() == FraudPattern.COMPROMISED_TERMINAL) {
        fraudAt
            .computeIfAbsent(g.transaction().getTerminalId().toString(), t -> new ArrayList<>())
            .add(i);
      }
    }
    assertThat(fraudAt).isNotEmpty();
    // Between the first and last fraud of a terminal's busiest episode, nothing there is legit.
    String terminal =
        fraudAt.entrySet().stream()
            .max((a, b) -> Integer.compare(a.getValue().size(), b.getValue().size()))
            .orElseThrow()
            .getKey();
    List<Integer> hits = fraudAt.get(terminal);
    int first = hits.get(0);
    int last = hits.get(0);
    for (int h : hits) {
      if (h - last > 6_000) {
        break; // a later, separate episode
      }
      last = h;
    }
    for (int i = first; i <= last; i++) {
      GeneratedTransaction g = stream.get(i);
      if (g.transaction().getTerminalId().toString().equals(terminal)) {
        assertThat(g.fraud()).as("transaction %d at %s", i, terminal).isTrue();
      }
    }
  }
}
