package io.riskstream.features.spec;

import java.io.Serializable;
import java.time.Duration;

/**
 * One declared feature. Each kind says which entity's state computes it (none for the transaction's
 * own attributes) and how its value is scaled for the model.
 */
public sealed interface FeatureDefinition extends Serializable {
  String name();

  /** The entity whose keyed state computes this feature, or null for transaction attributes. */
  Entity entity();

  /** How the raw value is scaled before the model sees it. */
  Scaling scaling();

  /** How far back in event time the entity's bucketed transactions must reach for this feature. */
  default Duration reach() {
    return Duration.ZERO;
  }

  /**
   * How long an idle entity must keep its state for this feature: its reach, or the window of a
   * feature that keeps its own state (a graph feature).
   */
  default Duration memory() {
    return reach();
  }

  /**
   * An aggregate of the entity's amounts over {@code (t - delay - window, t - delay]}: with no
   * delay, the window ends at and includes the current transaction.
   */
  record Window(Entity entity, Aggregate aggregate, Duration window, Duration delay)
      implements FeatureDefinition {
    @Override
    public Duration reach() {
      return window.plus(delay);
    }

    @Override
    public String name() {
      return entity.prefix()
          + "_"
          + aggregate.name().toLowerCase()
          + "_"
          + Durations.label(window)
          + (delay.isZero() ? "" : "_delay_" + Durations.label(delay));
    }

    @Override
    public Scaling scaling() {
      return Scaling.LOG1P;
    }
  }

  /**
   * The share of the entity's transactions in {@code (t - delay - window, t - delay]} that are
   * labelled fraud, among the labels received so far; 0 for an empty window. The delay models
   * labels that arrive late (the handbook's terminal risk uses 7 days).
   */
  record FraudRate(Entity entity, Duration window, Duration delay) implements FeatureDefinition {
    @Override
    public Duration reach() {
      return window.plus(delay);
    }

    @Override
    public String name() {
      return entity.prefix()
          + "_fraud_rate_"
          + Durations.label(window)
          + (delay.isZero() ? "" : "_delay_" + Durations.label(delay));
    }

    @Override
    public Scaling scaling() {
      return Scaling.NONE;
    }
  }

  /** Seconds since the entity's previous transaction (0 for its first). */
  record SincePrevious(Entity entity) implements FeatureDefinition {
    @Override
    public String name() {
      return entity.prefix() + "_seconds_since_previous";
    }

    @Override
    public Scaling scaling() {
      return Scaling.LOG1P;
    }
  }

  /**
   * How unusual the amount is for the entity: (amount - mean) / std over the window, 0 if std is 0.
   */
  record AmountZScore(Entity entity, Duration window) implements FeatureDefinition {
    @Override
    public Duration reach() {
      return window;
    }

    @Override
    public String name() {
      return entity.prefix() + "_amount_zscore_" + Durations.label(window);
    }

    @Override
    public Scaling scaling() {
      return Scaling.NONE;
    }
  }

  /**
   * Distinct counterparties of the entity in the window, e.g. distinct cards at a terminal: the
   * entity's degree in the transaction graph.
   */
  record Distinct(Entity entity, Entity counterparty, Duration window)
      implements FeatureDefinition {
    @Override
    public String name() {
      return entity.prefix()
          + "_distinct_"
          + counterparty.prefix()
          + "s_"
          + Durations.label(window);
    }

    @Override
    public Duration memory() {
      return window;
    }

    @Override
    public Scaling scaling() {
      return Scaling.LOG1P;
    }
  }

  /**
   * Fraud-labelled neighbours: the counterparties (cards) other than the transaction's own that the
   * entity saw in the window and that have a transaction labelled fraud at this entity, e.g.
   * fraud-labelled cards that used this device in the week. One hop from the entity, so two hops
   * from the card via it. Only labels of the entity's own transactions flag a card: the entity
   * stage sees no others, and that keeps it bounded by one window of cards.
   */
  record FraudNeighbours(Entity entity, Entity counterparty, Duration window)
      implements FeatureDefinition {
    @Override
    public String name() {
      return entity.prefix() + "_fraud_" + counterparty.prefix() + "s_" + Durations.label(window);
    }

    @Override
    public Duration memory() {
      return window;
    }

    @Override
    public Scaling scaling() {
      return Scaling.LOG1P;
    }
  }

  /**
   * An aggregate over the entity's transactions in {@code (t - window, t]} of another entity's
   * feature at each of them, e.g. the most fraud-labelled cards at any terminal the card used in
   * the week: the card's two-hop signal. Each past value is as it was when that transaction was
   * featured; the source entity's stage runs first so the current one is there.
   */
  record Over(Entity entity, Aggregate aggregate, Duration window, FeatureDefinition source)
      implements FeatureDefinition {
    @Override
    public String name() {
      return entity.prefix()
          + "_"
          + aggregate.name().toLowerCase()
          + "_"
          + Durations.label(window)
          + "_of_"
          + source.name();
    }

    @Override
    public Duration memory() {
      return window;
    }

    @Override
    public Scaling scaling() {
      return Scaling.LOG1P;
    }
  }

  /** An attribute of the transaction itself. */
  record Attribute(TransactionAttribute attribute) implements FeatureDefinition {
    @Override
    public String name() {
      return attribute.featureName();
    }

    @Override
    public Entity entity() {
      return null;
    }

    @Override
    public Scaling scaling() {
      return attribute.scaling();
    }
  }
}
