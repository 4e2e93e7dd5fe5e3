package io.riskstream.generator;

import java.util.Random;

/**
 * {@link FraudPattern#FRAUD_RING}: a gang with 2 or 3 devices and 1 or 2 IPs uses 4 to 10 stolen
 * cards, each 3 to 5 times at random moments over 20 to 60 minutes, at amounts from 40 to 400. Each
 * card's payments rotate through all the gang's devices, so every ring device links at least four
 * cards: the shared-device signal the graph features look for.
 */
final class FraudRings extends PlannedEpisodes {
  /** Per transaction; with about 28 payments per ring about 0.4 % of the stream. */
  static final double START_PROBABILITY = 0.00015;

  static final int MIN_CARDS = 4;
  static final int MAX_CARDS = 10;

  FraudRings(Random random, Population population, Identities identities, Agenda agenda) {
    super(random, population, identities, agenda, START_PROBABILITY);
  }

  @Override
  void planEpisode(long nowMillis) {
    String[] devices = new String[2 + random.nextInt(2)];
    for (int d = 0; d < devices.length; d++) {
      devices[d] = identities.newDevice();
    }
    String[] ips = new String[1 + random.nextInt(2)];
    for (int i = 0; i < ips.length; i++) {
      ips[i] = identities.newIp();
    }
    int cardCount =
        Math.min(population.cards(), MIN_CARDS + random.nextInt(MAX_CARDS - MIN_CARDS + 1));
    int[] cards = random.ints(0, population.cards()).distinct().limit(cardCount).toArray();
    long period = 20 * 60_000L + random.nextInt(40 * 60_000);
    for (int c = 0; c < cards.length; c++) {
      // At least as many payments as devices, so that each card uses every ring device.
      int payments = 3 + random.nextInt(3);
      for (int p = 0; p < payments; p++) {
        long due = nowMillis + (long) (period * random.nextDouble());
        int terminal = population.unusualTerminal(cards[c]);
        String ip = ips[random.nextInt(ips.length)];
        double amount = 40 + 360 * random.nextDouble();
        agenda.plan(
            due,
            new Payment(
                cards[c],
                terminal,
                devices[(c + p) % devices.length],
                ip,
                amount,
                FraudPattern.FRAUD_RING));
      }
    }
  }
}
