package io.riskstream.features.spec;

import io.riskstream.features.spec.FeatureDefinition.AmountZScore;
import io.riskstream.features.spec.FeatureDefinition.Attribute;
import io.riskstream.features.spec.FeatureDefinition.Distinct;
import io.riskstream.features.spec.FeatureDefinition.FraudNeighbours;
import io.riskstream.features.spec.FeatureDefinition.FraudRate;
import io.riskstream.features.spec.FeatureDefinition.Over;
import io.riskstream.features.spec.FeatureDefinition.SincePrevious;
import io.riskstream.features.spec.FeatureDefinition.Window;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The feature vector, declared: which features, in which order, computed at which time resolution.
 * Adding a feature is one line here; the streaming functions, the model's input width, the scorer
 * and the learner all follow from the spec, so they can never disagree on the layout.
 *
 * <p>Windows are kept as pre-aggregated buckets of {@code bucket} width: exact for data whose
 * timestamps are multiples of the bucket, and bounded state (window / bucket buckets) per entity.
 */
public final class FeatureSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final Duration bucket;
  private final List<FeatureDefinition> features;

  private FeatureSpec(String name, Duration bucket, List<FeatureDefinition> features) {
    this.name = name;
    this.bucket = bucket;
    this.features = List.copyOf(features);
    Set<String> names = new HashSet<>();
    for (FeatureDefinition feature : features) {
      if (!names.add(feature.name())) {
        throw new IllegalArgumentException("feature " + feature.name() + " is declared twice");
      }
    }
    entities(); // rejects cyclic dependencies between stages now rather than at job build
  }

  public static Builder builder(String name, Duration bucket) {
    return new Builder(name, bucket);
  }

  /** Names the layout: the spec's name plus a checksum of its feature names, in order. */
  public String id() {
    CRC32 crc = new CRC32();
    for (FeatureDefinition feature : features) {
      crc.update(feature.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      crc.update(0);
    }
    return name + "-" + Long.toHexString(crc.getValue());
  }

  public Duration bucket() {
    return bucket;
  }

  public List<FeatureDefinition> features() {
    return features;
  }

  public int size() {
    return features.size();
  }

  public List<String> names() {
    return features.stream().map(FeatureDefinition::name).toList();
  }

  public int indexOf(String featureName) {
    int index = names().indexOf(featureName);
    if (index < 0) {
      throw new IllegalArgumentException("no feature named " + featureName + " in " + id());
    }
    return index;
  }

  /** The raw values as the model sees them, each through its feature's scaling. */
  public float[] scaled(double[] raw) {
    float[] vector = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      vector[i] = features.get(i).scaling().apply(raw[i]);
    }
    return vector;
  }

  /**
   * Entities with keyed state, in the order their stages run: first declared first, except that a
   * stage whose features aggregate another entity's ({@link Over}) runs after that entity's.
   */
  public List<Entity> entities() {
    Set<Entity> declared = new LinkedHashSet<>();
    for (FeatureDefinition feature : features) {
      if (feature.entity() != null) {
        declared.add(feature.entity());
      }
    }
    List<Entity> ordered = new ArrayList<>();
    while (ordered.size() < declared.size()) {
      Entity next =
          declared.stream()
              .filter(e -> !ordered.contains(e) && ordered.containsAll(dependencies(e)))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalArgumentException("cyclic stage dependencies in " + names()));
      ordered.add(next);
    }
    return ordered;
  }

  private Set<Entity> dependencies(Entity entity) {
    Set<Entity> dependencies = new HashSet<>();
    for (FeatureDefinition feature : features) {
      if (feature instanceof Over over && over.entity() == entity) {
        dependencies.add(over.source().entity());
      }
    }
    return dependencies;
  }

  /** How long an idle entity's state must be kept: the longest memory of its features. */
  public Duration memory(Entity entity) {
    Duration memory = Duration.ZERO;
    for (FeatureDefinition feature : features) {
      Duration m = feature.entity() == entity ? feature.memory() : Duration.ZERO;
      memory = m.compareTo(memory) > 0 ? m : memory;
    }
    return memory;
  }

  /** How far back the entity's bucketed amounts must reach: the longest window plus its delay. */
  public Duration horizon(Entity entity) {
    Duration horizon = Duration.ZERO;
    for (FeatureDefinition feature : features) {
      Duration reach = feature.entity() == entity ? feature.reach() : Duration.ZERO;
      horizon = reach.compareTo(horizon) > 0 ? reach : horizon;
    }
    return horizon;
  }

  @Override
  public String toString() {
    return id() + names();
  }

  /** Declares features in order. */
  public static final class Builder {
    private final String name;
    private final Duration bucket;
    private final List<FeatureDefinition> features = new ArrayList<>();

    private Builder(String name, Duration bucket) {
      if (bucket.isZero() || bucket.isNegative()) {
        throw new IllegalArgumentException("bucket must be positive, was " + bucket);
      }
      this.name = name;
      this.bucket = bucket;
    }

    public Builder attribute(TransactionAttribute attribute) {
      return add(new Attribute(attribute));
    }

    public Builder window(Entity entity, Aggregate aggregate, Duration window) {
      return window(entity, aggregate, window, Duration.ZERO);
    }

    public Builder window(Entity entity, Aggregate aggregate, Duration window, Duration delay) {
      return add(new Window(entity, aggregate, requireBuckets(window), requireBuckets(delay)));
    }

    public Builder fraudRate(Entity entity, Duration window, Duration delay) {
      return add(new FraudRate(entity, requireBuckets(window), requireBuckets(delay)));
    }

    public Builder sincePrevious(Entity entity) {
      return add(new SincePrevious(entity));
    }

    public Builder amountZScore(Entity entity, Duration window) {
      return add(new AmountZScore(entity, requireBuckets(window)));
    }

    public Builder distinct(Entity entity, Entity counterparty, Duration window) {
      if (entity == counterparty) {
        throw new IllegalArgumentException("distinct " + entity + " of itself is always 1");
      }
      return add(new Distinct(entity, counterparty, window));
    }

    public Builder fraudNeighbours(Entity entity, Entity counterparty, Duration window) {
      if (entity == counterparty) {
        throw new IllegalArgumentException("fraud " + entity + "s of itself are not neighbours");
      }
      return add(new FraudNeighbours(entity, counterparty, window));
    }

    /**
     * The entity's {@code aggregate} over its window of an already declared feature of another
     * entity, named {@code source}.
     */
    public Builder over(Entity entity, Aggregate aggregate, Duration window, String source) {
      FeatureDefinition feature =
          features.stream()
              .filter(f -> f.name().equals(source))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalArgumentException("declare " + source + " before using it"));
      if (feature.entity() == null || feature.entity() == entity) {
        throw new IllegalArgumentException(
            source + " must be a feature of another entity than " + entity);
      }
      return add(new Over(entity, aggregate, requireBuckets(window), feature));
    }

    public FeatureSpec build() {
      return new FeatureSpec(name, bucket, features);
    }

    private Builder add(FeatureDefinition feature) {
      features.add(feature);
      return this;
    }

    private Duration requireBuckets(Duration d) {
      if (d.isNegative() || d.toMillis() % bucket.toMillis() != 0) {
        throw new IllegalArgumentException(
            d + " is not a non-negative multiple of the bucket " + bucket);
      }
      return d;
    }
  }
}
