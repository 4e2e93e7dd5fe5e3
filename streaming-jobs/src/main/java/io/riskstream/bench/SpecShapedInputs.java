package io.riskstream.bench;

import io.riskstream.features.ScoringRequest;
import io.riskstream.features.spec.Aggregate;
import io.riskstream.features.spec.FeatureDefinition;
import io.riskstream.features.spec.FeatureDefinition.Attribute;
import io.riskstream.features.spec.FeatureDefinition.FraudRate;
import io.riskstream.features.spec.FeatureDefinition.Window;
import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.features.spec.TransactionAttribute;
import io.riskstream.model.CategoryIds;
import io.riskstream.model.ScoringInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random scoring inputs shaped like a feature spec's vectors: each feature gets a raw value of its
 * kind (amounts log-normal around the card's own mean, counts growing with the window, flags,
 * mostly-zero fraud rates), scaled as the spec scales it for the model. Every history is filled to
 * the requested length, as for a card with a long past, and every input names a terminal, device
 * and IP.
 *
 * <p>The model's cost does not depend on the values (fixed-shape tensors); realistic values keep
 * the benchmark honest should that change, e.g. with value-dependent early exits.
 */
public final class SpecShapedInputs {

  private final FeatureSpec spec;
  private final Random random;
  private long sequence;

  public SpecShapedInputs(FeatureSpec spec, long seed) {
    this.spec = spec;
    this.random = new Random(seed);
  }

  /** {@code size} inputs, each with {@code historyLength} past vectors of its card. */
  public List<ScoringInput> batch(int size, int historyLength) {
    List<ScoringInput> batch = new ArrayList<>(size);
    for (ScoringRequest request : requests(size, historyLength)) {
      batch.add(
          new ScoringInput(
              request.features,
              request.history,
              CategoryIds.of(request.terminalId, request.deviceId, request.ipAddress)));
    }
    return List.copyOf(batch);
  }

  /** The same as {@link #batch}, as the card stage hands them to the scorer. */
  public List<ScoringRequest> requests(int size, int historyLength) {
    List<ScoringRequest> requests = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      requests.add(request(historyLength));
    }
    return List.copyOf(requests);
  }

  private ScoringRequest request(int historyLength) {
    Card card = new Card(Math.exp(3.5 + 0.7 * random.nextGaussian()), 1 + 4 * random.nextDouble());
    ScoringRequest request = new ScoringRequest();
    request.transactionId = "tx-" + sequence;
    request.cardId = "card-" + sequence++;
    request.history = new float[historyLength][];
    request.historyIds = new String[historyLength];
    for (int i = 0; i < historyLength; i++) {
      request.history[i] = vector(card);
      request.historyIds[i] = request.transactionId + "-prev-" + (historyLength - i);
    }
    request.terminalId = "T" + random.nextInt(10_000);
    request.deviceId = "D" + random.nextInt(50_000);
    request.ipAddress = "IP" + random.nextInt(50_000);
    request.features = vector(card);
    return request;
  }

  /** A card's habits: its typical amount and how many transactions it makes a day. */
  private record Card(double meanAmount, double perDay) {}

  private float[] vector(Card card) {
    List<FeatureDefinition> features = spec.features();
    double[] raw = new double[features.size()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = raw(features.get(i), card);
    }
    return spec.scaled(raw);
  }

  private double raw(FeatureDefinition feature, Card card) {
    if (feature instanceof Attribute attribute) {
      return attribute(attribute.attribute(), card);
    }
    if (feature instanceof FraudRate) {
      // Most terminals have no known fraud in the window; the rest a small share.
      return random.nextDouble() < 0.9 ? 0 : 0.3 * random.nextDouble();
    }
    if (feature instanceof Window window) {
      double days = window.window().toMillis() / 86_400_000.0;
      double count = Math.max(1, Math.round(card.perDay() * days * (0.5 + random.nextDouble())));
      return window.aggregate() == Aggregate.COUNT
          ? count
          : amount(card) * sumFactor(window, count);
    }
    // Other kinds (z-scores, gaps, graph degrees): a small magnitude on the model's scale.
    return Math.abs(random.nextGaussian()) * 3;
  }

  private double attribute(TransactionAttribute attribute, Card card) {
    double hour = 24 * random.nextDouble();
    return switch (attribute) {
      case AMOUNT -> amount(card);
      case WEEKEND -> random.nextDouble() < 2.0 / 7 ? 1 : 0;
      case NIGHT -> hour < 7 ? 1 : 0;
      case HOUR_SIN -> Math.sin(2 * Math.PI * hour / 24);
      case HOUR_COS -> Math.cos(2 * Math.PI * hour / 24);
    };
  }

  private static double sumFactor(Window window, double count) {
    return window.aggregate() == Aggregate.SUM ? count : 1;
  }

  private double amount(Card card) {
    return card.meanAmount() * Math.exp(0.5 * random.nextGaussian());
  }
}
