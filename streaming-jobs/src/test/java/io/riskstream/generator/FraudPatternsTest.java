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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The device, IP and pattern behaviour of {@link SyntheticStream}, on one 200k stream. */
class FraudPatternsTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final long STEP_MILLIS = 100; // 10 per second of event time
  private static final int N = 200_000;
  private static final long TEN_MINUTES = 10 * 60_000L;

  private static List<GeneratedTransaction> stream;

  @BeforeAll
  static void generate() {
    SyntheticStream generator = new SyntheticStream(11);
    stream = new ArrayList<>(N);
    for (int i = 0; i < N; i++) {
      stream.add(generator.next(T0 + i * STEP_MILLIS));
    }
  }

  private static String card(GeneratedTransaction g) {
    return g.transaction().getCardId().toString();
  }

  private static String device(GeneratedTransaction g) {
    return g.transaction().getDeviceId().toString();
  }

  @Test
  void sameSeedSameDevicesAndIps() {
    List<String> first = identities(new SyntheticStream(42), 20_000);
    assertThat(identities(new SyntheticStream(42), 20_000)).isEqualTo(first);
    assertThat(identities(new SyntheticStream(43), 20_000)).isNotEqualTo(first);
  }

  private static List<String> identities(SyntheticStream generator, int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Transaction t = generator.next(T0 + i * STEP_MILLIS).transaction();
      out.add(t.getDeviceId() + " " + t.getIpAddress());
    }
    return out;
  }

  @Test
  void everyTransactionHasADeviceAndAPrivateIp() {
    for (GeneratedTransaction g : stream.subList(0, 20_000)) {
      assertThat(device(g)).matches("d-\\d{6}");
      String ip = g.transaction().getIpAddress().toString();
      assertThat(ip).matches("10\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
      for (String octet : ip.split("\\.")) {
        assertThat(Integer.parseInt(octet)).isBetween(0, 255);
      }
    }
  }

  @Test
  void everyPatternOccursAndTheFraudRateIsRealistic() {
    Map<FraudPattern, Integer> byPattern = new EnumMap<>(FraudPattern.class);
    for (GeneratedTransaction g : stream) {
      byPattern.merge(g.pattern(), 1, Integer::sum);
    }
    for (FraudPattern pattern : FraudPattern.values()) {
      // At least 0.1 % of the stream each: enough for a model to learn from.
      assertThat(byPattern.getOrDefault(pattern, 0)).as("%s", pattern).isGreaterThan(N / 1_000);
    }
    double fraudRate = (N - byPattern.get(FraudPattern.NONE)) / (double) N;
    assertThat(fraudRate).isBetween(0.01, 0.04);
  }

  @Test
  void cardTestingIsABurstOfSmallAmountsOnOneCardFromANewDevice() {
    Map<String, Set<String>> devicesSoFar = new HashMap<>();
    Map<String, List<Long>> current = new HashMap<>(); // card -> times of its latest burst
    List<List<Long>> bursts = new ArrayList<>();
    for (GeneratedTransaction g : stream) {
      Transaction t = g.transaction();
      Set<String> known = devicesSoFar.computeIfAbsent(card(g), c -> new HashSet<>());
      if (g.pattern() == FraudPattern.CARD_TESTING) {
        assertThat(t.getAmount()).isBetween(0.5, 3.0);
        List<Long> times = current.get(card(g));
        // Burst payments come seconds apart; a gap of ten minutes starts another burst.
        if (times == null || t.getEventTime() - times.get(times.size() - 1) > TEN_MINUTES) {
          assertThat(known).as("device of a new burst").doesNotContain(device(g));
          times = new ArrayList<>();
          current.put(card(g), times);
          bursts.add(times);
        }
        times.add(t.getEventTime());
      }
      known.add(device(g));
    }
    long end = T0 + N * STEP_MILLIS;
    int complete = 0;
    for (List<Long> times : bursts) {
      if (times.get(0) > end - TEN_MINUTES) {
        continue; // may be cut off by the end of the stream
      }
      assertThat(times).hasSizeGreaterThanOrEqualTo(5);
      assertThat(times.get(times.size() - 1) - times.get(0)).isLessThanOrEqualTo(TEN_MINUTES);
      complete++;
    }
    assertThat(complete).isGreaterThan(10);
  }

  @Test
  void accountTakeoverUsesANewDeviceAndHighAmounts() {
    Map<String, double[]> genuineAmount = new HashMap<>(); // sum, count
    for (GeneratedTransaction g : stream) {
      if (!g.fraud()) {
        double[] a = genuineAmount.computeIfAbsent(card(g), c -> new double[2]);
        a[0] += g.transaction().getAmount();
        a[1]++;
      }
    }
    Map<String, Set<String>> seenOnCard = new HashMap<>(); // devices and IPs
    Set<String> takeoverDevices = new HashSet<>();
    int takeovers = 0;
    for (GeneratedTransaction g : stream) {
      Set<String> known = seenOnCard.computeIfAbsent(card(g), c -> new HashSet<>());
      String ip = g.transaction().getIpAddress().toString();
      if (g.pattern() == FraudPattern.ACCOUNT_TAKEOVER) {
        // Two takeovers of one card may interleave, so judge each device by its first payment.
        if (takeoverDevices.add(device(g))) {
          assertThat(known).doesNotContain(device(g), ip);
          takeovers++;
        }
        double[] a = genuineAmount.get(card(g));
        assertThat(g.transaction().getAmount()).isGreaterThan(2.5 * a[0] / a[1]);
      }
      known.add(device(g));
      known.add(ip);
    }
    assertThat(takeovers).isGreaterThan(50);
  }

  @Test
  void fraudRingDevicesAreSharedByCardsAndCarryOnlyFraud() {
    Map<String, Integer> firstRingUse = new HashMap<>();
    Map<String, Set<String>> cardsOnDevice = new HashMap<>();
    Map<String, Integer> legitOnDevice = new HashMap<>();
    for (int i = 0; i < N; i++) {
      GeneratedTransaction g = stream.get(i);
      cardsOnDevice.computeIfAbsent(device(g), d -> new HashSet<>()).add(card(g));
      if (!g.fraud()) {
        legitOnDevice.merge(device(g), 1, Integer::sum);
      }
      if (g.pattern() == FraudPattern.FRAUD_RING) {
        firstRingUse.putIfAbsent(device(g), i);
      }
    }
    int rings = 0;
    for (Map.Entry<String, Integer> e : firstRingUse.entrySet()) {
      String ringDevice = e.getKey();
      assertThat(legitOnDevice).doesNotContainKey(ringDevice);
      if (e.getValue() < N - 40_000) { // a ring lasts at most an hour: 36,000 transactions
        assertThat(cardsOnDevice.get(ringDevice)).as(ringDevice).hasSizeGreaterThanOrEqualTo(3);
        rings++;
      }
    }
    assertThat(rings).isGreaterThan(20);
    for (GeneratedTransaction g : stream) {
      if (firstRingUse.containsKey(device(g))) {
        assertThat(g.pattern()).isEqualTo(FraudPattern.FRAUD_RING);
      }
    }
  }

  @Test
  void genuineCardsKeepToTheirHomeDevices() {
    Map<String, Map<String, Integer>> devicesOfCard = new HashMap<>();
    int genuine = 0;
    for (GeneratedTransaction g : stream) {
      if (!g.fraud()) {
        devicesOfCard
            .computeIfAbsent(card(g), c -> new HashMap<>())
            .merge(device(g), 1, Integer::sum);
        genuine++;
      }
    }
    // A card's home devices are its two most used; the rest are one-offs.
    int fromHome = 0;
    Map<String, Set<String>> homeCards = new HashMap<>();
    for (Map.Entry<String, Map<String, Integer>> e : devicesOfCard.entrySet()) {
      List<Map.Entry<String, Integer>> ranked = new ArrayList<>(e.getValue().entrySet());
      ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
      for (Map.Entry<String, Integer> d : ranked.subList(0, Math.min(2, ranked.size()))) {
        if (d.getValue() > 1) {
          fromHome += d.getValue();
          homeCards.computeIfAbsent(d.getKey(), x -> new HashSet<>()).add(e.getKey());
        }
      }
    }
    assertThat(fromHome).isGreaterThanOrEqualTo((int) (0.95 * genuine));
    // Home devices belong to one card, except a few households of two.
    long shared = homeCards.values().stream().filter(cards -> cards.size() > 1).count();
    assertThat(shared).isPositive().isLessThan(homeCards.size() / 20);
    assertThat(homeCards.values()).allSatisfy(cards -> assertThat(cards).hasSizeLessThan(3));
  }
}
