package io.riskstream.generator;

import java.util.Random;

/**
 * {@link FraudPattern#COMPROMISED_CARD}: a stolen card is cashed out in a burst of 3 to 8 high
 * amounts at terminals the card never uses, one every 1 to 20 seconds, from the fraudster's own
 * device and IP.
 */
final class CompromisedCards extends PlannedEpisodes {
  /** Per transaction; with bursts of 5.5 on average about 0.7 % of the stream. */
  static final double START_PROBABILITY = 0.0012;

  CompromisedCards(Random random, Population population, Identities identities, Agenda agenda) {
    super(random, population, identities, agenda, START_PROBABILITY);
  }

  @Override
  void planEpisode(long nowMillis) {
    int card = population.randomCard();
    String device = identities.newDevice();
    String ip = identities.newIp();
    int size = 3 + random.nextInt(6);
    long due = nowMillis;
    for (int i = 0; i < size; i++) {
      // Fraudsters cash out: several times the usual amount, and never pocket change.
      double amount =
          Math.max(
              population.typicalAmount(card) * (4 + 8 * random.nextDouble()),
              150 + 350 * random.nextDouble());
      int terminal = population.unusualTerminal(card);
      agenda.plan(
          due, new Payment(card, terminal, device, ip, amount, FraudPattern.COMPROMISED_CARD));
      due += 1_000 + random.nextInt(19_000);
    }
  }
}
