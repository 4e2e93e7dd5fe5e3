package io.riskstream.generator;

import java.util.Random;

/**
 * {@link FraudPattern#CARD_TESTING}: a stolen card number is checked with 5 to 15 tiny payments
 * (0.50 to 3.00) one every 3 to 20 seconds, so within five minutes, at one or two terminals, from a
 * device and IP the card never used.
 */
final class CardTesting extends PlannedEpisodes {
  /** Per transaction; with bursts of 10 on average about 0.4 % of the stream. */
  static final double START_PROBABILITY = 0.0004;

  static final int MIN_BURST = 5;
  static final int MAX_BURST = 15;
  static final double MIN_AMOUNT = 0.5;
  static final double MAX_AMOUNT = 3.0;

  CardTesting(Random random, Population population, Identities identities, Agenda agenda) {
    super(random, population, identities, agenda, START_PROBABILITY);
  }

  @Override
  void planEpisode(long nowMillis) {
    int card = population.randomCard();
    String device = identities.newDevice();
    String ip = identities.newIp();
    int[] terminals = {population.unusualTerminal(card), population.unusualTerminal(card)};
    int terminalsUsed = 1 + random.nextInt(2);
    int size = MIN_BURST + random.nextInt(MAX_BURST - MIN_BURST + 1);
    long due = nowMillis;
    for (int i = 0; i < size; i++) {
      double amount = MIN_AMOUNT + (MAX_AMOUNT - MIN_AMOUNT) * random.nextDouble();
      int terminal = terminals[random.nextInt(terminalsUsed)];
      agenda.plan(due, new Payment(card, terminal, device, ip, amount, FraudPattern.CARD_TESTING));
      due += 3_000 + random.nextInt(17_000);
    }
  }
}
