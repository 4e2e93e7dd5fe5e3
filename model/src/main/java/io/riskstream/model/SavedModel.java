package io.riskstream.model;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * One version of the fraud model at rest: its weights as one payload per parameter group (the
 * format {@link FraudModel#exportGroup} writes, checksummed) and what they mean: model id, version,
 * the event time the training data ran through, the feature layout the inputs must have and the
 * {@link ModelConfig} that builds the network.
 *
 * <p>On disk, a directory: {@value #MANIFEST} (properties: the fields, the config, the file of each
 * group, and free-form training figures) plus one {@code <group>.payload} file per group ({@code
 * experts/0} is {@code experts-0.payload}). Serializable, so a job graph can carry it to every
 * task.
 */
public final class SavedModel implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The manifest's file name inside a saved model's directory. */
  public static final String MANIFEST = "model.properties";

  private static final int FORMAT = 1;
  private static final String GROUP_KEY = "group.";
  private static final String CONFIG_KEY = "config.";
  private static final String TRAINING_KEY = "training.";

  private final String modelId;
  private final long version;
  private final long trainedThrough;
  private final String featureLayout;
  private final ModelConfig config;
  private final LinkedHashMap<String, byte[]> groups;
  private final TreeMap<String, String> training;

  /**
   * @param groups every group of {@code config}'s network, in {@link ParameterGroups#of} order,
   *     each a payload stamped with {@code modelId} and {@code version}
   * @param training figures about how the weights were fitted (rows, loss, …)
   */
  public SavedModel(
      String modelId,
      long version,
      long trainedThrough,
      String featureLayout,
      ModelConfig config,
      Map<String, byte[]> groups,
      Map<String, String> training) {
    this.modelId = requireText("modelId", modelId);
    this.featureLayout = requireText("featureLayout", featureLayout);
    this.config = Objects.requireNonNull(config, "config");
    this.version = version;
    this.trainedThrough = trainedThrough;
    List<String> expected = ParameterGroups.of(config);
    if (!List.copyOf(groups.keySet()).equals(expected)) {
      throw new IllegalArgumentException(
          "groups must be " + expected + " in that order, got " + groups.keySet());
    }
    this.groups = new LinkedHashMap<>();
    groups.forEach((group, payload) -> this.groups.put(group, payload.clone()));
    this.training = new TreeMap<>(training);
  }

  /** Takes every group of {@code model} as it is now, stamped with {@code modelId} and version. */
  public static SavedModel of(
      FraudModel model,
      String modelId,
      long version,
      long trainedThrough,
      String featureLayout,
      Map<String, String> training) {
    Map<String, byte[]> payloads = new LinkedHashMap<>();
    for (String group : model.groups()) {
      payloads.put(group, model.exportGroup(group, modelId, version));
    }
    return new SavedModel(
        modelId, version, trainedThrough, featureLayout, model.config(), payloads, training);
  }

  public String modelId() {
    return modelId;
  }

  public long version() {
    return version;
  }

  /** Event time (epoch ms) of the newest transaction the weights were trained on. */
  public long trainedThrough() {
    return trainedThrough;
  }

  /** The feature layout ({@code FeatureSpec.id()}) the model's inputs must have. */
  public String featureLayout() {
    return featureLayout;
  }

  public ModelConfig config() {
    return config;
  }

  /** Each group's payload, in the network's order (copies: the saved model never changes). */
  public Map<String, byte[]> groups() {
    Map<String, byte[]> copy = new LinkedHashMap<>();
    groups.forEach((group, payload) -> copy.put(group, payload.clone()));
    return Collections.unmodifiableMap(copy);
  }

  /** Figures about the training, e.g. {@code rows}, {@code loss}, by name. */
  public Map<String, String> training() {
    return Collections.unmodifiableMap(training);
  }

  /** A new model on the CPU with these weights; the caller closes it. */
  public FraudModel toModel() {
    FraudModel model = FraudModel.create(config);
    try {
      applyTo(model);
      return model;
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /**
   * Loads these weights into {@code model}, group by group.
   *
   * @throws IllegalArgumentException when the model was built from another config
   */
  public void applyTo(FraudModel model) {
    if (!model.config().equals(config)) {
      throw new IllegalArgumentException(
          "saved model "
              + modelId
              + " v"
              + version
              + " has config "
              + config
              + ", not "
              + model.config());
    }
    groups.forEach(model::importGroup);
  }

  /** Writes the payload files, then the manifest; files of the same names are replaced. */
  public void save(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, byte[]> group : groups.entrySet()) {
      Files.write(dir.resolve(fileName(group.getKey())), group.getValue());
    }
    try (Writer out = Files.newBufferedWriter(dir.resolve(MANIFEST), StandardCharsets.UTF_8)) {
      out.write("# RiskStream saved model: manifest, then one payload file per parameter group\n");
      put(out, "format", FORMAT);
      put(out, "model.id", modelId);
      put(out, "model.version", version);
      out.write("# trained through " + Instant.ofEpochMilli(trainedThrough) + "\n");
      put(out, "trained.through", trainedThrough);
      put(out, "feature.layout", featureLayout);
      for (RecordComponent component : ModelConfig.class.getRecordComponents()) {
        put(out, CONFIG_KEY + component.getName(), invoke(component, config));
      }
      for (String group : groups.keySet()) {
        put(out, GROUP_KEY + group, fileName(group));
      }
      for (Map.Entry<String, String> figure : training.entrySet()) {
        put(out, TRAINING_KEY + figure.getKey(), figure.getValue());
      }
    }
  }

  /**
   * Reads a saved model and checks every payload against the manifest's config, model id and
   * version before returning it.
   *
   * @throws IllegalArgumentException naming the file, for a missing or malformed manifest, a
   *     missing group, or a payload that is corrupt, truncated or of another model or version
   */
  public static SavedModel load(Path dir) throws IOException {
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isReadable(manifest)) {
      throw new IllegalArgumentException("no saved model in " + dir + ": cannot read " + manifest);
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    Manifest m = new Manifest(manifest, p);
    if (m.longValue("format") != FORMAT) {
      throw new IllegalArgumentException(
          manifest + ": format " + p.getProperty("format") + " is not " + FORMAT);
    }
    String modelId = m.text("model.id");
    long version = m.longValue("model.version");
    ModelConfig config = m.config();
    Map<String, byte[]> payloads = new LinkedHashMap<>();
    try (FraudModel check = FraudModel.create(config)) {
      for (String group : ParameterGroups.of(config)) {
        Path file = dir.resolve(m.text(GROUP_KEY + group));
        if (!Files.isReadable(file)) {
          throw new IllegalArgumentException(
              file + ": cannot read the payload of group '" + group + "'");
        }
        byte[] payload = Files.readAllBytes(file);
        PayloadHeader header;
        try {
          header = check.importGroup(group, payload);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        if (!header.modelId().equals(modelId) || header.version() != version) {
          throw new IllegalArgumentException(
              file
                  + ": payload is "
                  + header.modelId()
                  + " v"
                  + header.version()
                  + ", the manifest says "
                  + modelId
                  + " v"
                  + version);
        }
        payloads.put(group, payload);
      }
    }
    Map<String, String> training = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith(TRAINING_KEY)) {
        training.put(key.substring(TRAINING_KEY.length()), p.getProperty(key));
      }
    }
    return new SavedModel(
        modelId,
        version,
        m.longValue("trained.through"),
        m.text("feature.layout"),
        config,
        payloads,
        training);
  }

  /** The payload file of a group: {@code experts/0} → {@code experts-0.payload}. */
  public static String fileName(String group) {
    return group.replace('/', '-') + ".payload";
  }

  /** One {@code key=value} line, escaped exactly as {@link Properties#store} escapes it. */
  private static void put(Writer out, String key, Object value) throws IOException {
    Properties one = new Properties();
    one.setProperty(key, String.valueOf(value));
    StringWriter line = new StringWriter();
    one.store(line, null);
    String[] lines = line.toString().split("\\R");
    out.write(lines[lines.length - 1] + "\n"); // the first line is store's date comment
  }

  private static Object invoke(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    return value;
  }

  /** The manifest's properties, with errors that name the file and the key. */
  private record Manifest(Path file, Properties properties) {
    String text(String key) {
      String value = properties.getProperty(key);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(file + ": no " + key);
      }
      return value.strip();
    }

    long longValue(String key) {
      String value = text(key);
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + ": " + key + " is not a number: " + value);
      }
    }

    ModelConfig config() {
      RecordComponent[] components = ModelConfig.class.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        String key = CONFIG_KEY + components[i].getName();
        values[i] =
            types[i] == int.class
                ? Math.toIntExact(longValue(key))
                : types[i] == long.class ? longValue(key) : attention(key);
      }
      try {
        return ModelConfig.class.getDeclaredConstructor(types).newInstance(values);
      } catch (InvocationTargetException e) {
        throw new IllegalArgumentException(file + ": " + e.getCause().getMessage(), e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    private AttentionMode attention(String key) {
      String value = text(key);
      try {
        return AttentionMode.valueOf(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            file + ": " + key + " must be one of " + Arrays.toString(AttentionMode.values()));
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SavedModel other)) {
      return false;
    }
    if (!(modelId.equals(other.modelId)
        && version == other.version
        && trainedThrough == other.trainedThrough
        && featureLayout.equals(other.featureLayout)
        && config.equals(other.config)
        && training.equals(other.training)
        && groups.keySet().equals(other.groups.keySet()))) {
      return false;
    }
    for (Map.Entry<String, byte[]> group : groups.entrySet()) {
      if (!Arrays.equals(group.getValue(), other.groups.get(group.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(modelId, version, trainedThrough, featureLayout, config);
  }

  @Override
  public String toString() {
    return "SavedModel{"
        + modelId
        + " v"
        + version
        + ", trained through "
        + Instant.ofEpochMilli(trainedThrough)
        + ", layout "
        + featureLayout
        + ", "
        + config
        + '}';
  }
}
