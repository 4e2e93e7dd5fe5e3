package io.riskstream.generator;

import java.util.Random;

/**
 * {@link FraudPattern#ACCOUNT_TAKEOVER}: someone logs in to a cardholder's account from a device
 * and IP it never used and spends 3 to 8 times, at 4 to 10 times the card's typical amount, one
 * payment every 30 seconds to 5 minutes. The cardholder keeps paying as usual meanwhile.
 */
final class AccountTakeover extends PlannedEpisodes {
  /** Per transaction; with 5.5 payments per takeover about 0.45 % of the stream. */
  static final double START_PROBABILITY = 0.0008;

  static final double MIN_AMOUNT_FACTOR = 4;
  static final double MAX_AMOUNT_FACTOR = 10;

  AccountTakeover(Random random, Population population, Identities identities, Agenda agenda) {
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
      double factor =
          MIN_AMOUNT_FACTOR + (MAX_AMOUNT_FACTOR - MIN_AMOUNT_FACTOR) * random.nextDouble();
      double amount = population.typicalAmount(card) * factor;
      int terminal = population.unusualTerminal(card);
      agenda.plan(
          due, new Payment(card, terminal, device, ip, amount, FraudPattern.ACCOUNT_TAKEOVER));
      due += 30_000 + random.nextInt(270_000);
    }
  }
}
