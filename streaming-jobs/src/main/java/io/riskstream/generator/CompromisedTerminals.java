package io.riskstream.generator;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;

/**
 * {@link FraudPattern#COMPROMISED_TERMINAL}: for 2,000 to 6,000 transactions of the stream every
 * payment at a compromised terminal is fraud, at two to five times the card's usual amount. The
 * cardholders are genuine, so their own devices and IPs stay.
 */
final class CompromisedTerminals implements FraudScenario {
  /** Per transaction; about 2.4 terminals compromised at a time, about 0.5 % of the stream. */
  static final double START_PROBABILITY = 0.0006;

  private final Random random;
  private final Population population;

  /** Compromised terminal index -> sequence number at which the compromise ends. */
  private final Map<Integer, Long> compromised = new HashMap<>();

  CompromisedTerminals(Random random, Population population) {
    this.random = random;
    this.population = population;
  }

  @Override
  public void step(long sequence, long nowMillis) {
    for (Iterator<Long> it = compromised.values().iterator(); it.hasNext(); ) {
      if (it.next() <= sequence) {
        it.remove();
      }
    }
    if (random.nextDouble() < START_PROBABILITY) {
      int terminal = random.nextInt(population.terminals());
      compromised.put(terminal, sequence + 2_000 + random.nextInt(4_000));
    }
  }

  @Override
  public Payment alter(Payment genuine) {
    if (!compromised.containsKey(genuine.terminal())) {
      return genuine;
    }
    double amount = genuine.amount() * (2 + 3 * random.nextDouble());
    return genuine.asFraud(FraudPattern.COMPROMISED_TERMINAL, amount);
  }
}
