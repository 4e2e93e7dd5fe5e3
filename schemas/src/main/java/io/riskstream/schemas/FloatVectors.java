package io.riskstream.schemas;

import java.util.ArrayList;
import java.util.List;

/** Converts feature vectors between the model's float arrays and Avro's {@code array<float>}. */
public final class FloatVectors {
  private FloatVectors() {}

  public static List<Float> toList(float[] vector) {
    List<Float> list = new ArrayList<>(vector.length);
    for (float v : vector) {
      list.add(v);
    }
    return list;
  }

  public static float[] toArray(List<Float> list) {
    float[] vector = new float[list.size()];
    for (int i = 0; i < vector.length; i++) {
      vector[i] = list.get(i);
    }
    return vector;
  }

  public static List<List<Float>> toLists(float[][] vectors) {
    List<List<Float>> lists = new ArrayList<>(vectors.length);
    for (float[] vector : vectors) {
      lists.add(toList(vector));
    }
    return lists;
  }

  public static float[][] toArrays(List<List<Float>> lists) {
    float[][] vectors = new float[lists.size()][];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = toArray(lists.get(i));
    }
    return vectors;
  }
}
