package io.riskstream.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Byte format of one parameter group, self-describing and engine independent:
 *
 * <pre>
 * int    magic "RSMG"          byte  format (3)
 * UTF    model id              long  version          UTF group
 * int    parameter count, then per parameter:
 *        UTF name   UTF dtype ("float32")   byte rank   long[rank] dims   float[] values
 * long   CRC-32 of every byte before it
 * </pre>
 *
 * <p>Decoding checks, in order: the checksum (a flipped bit inside a weight stays finite and
 * well-shaped, so nothing else would notice), magic and format, the group name, the parameter
 * names, shapes and dtype against the live block, and that every value is finite. Only then are
 * values handed back, so a rejected payload never touches a live weight.
 */
final class GroupPayloads {

  private static final int MAGIC = 0x52534d47; // "RSMG"
  private static final byte FORMAT = 3;
  private static final String FLOAT32 = "float32";

  private GroupPayloads() {}

  /** A decoded payload: its header and one value array per parameter of the group. */
  record Decoded(PayloadHeader header, List<float[]> values) {}

  static byte[] encode(PayloadHeader header, Block block) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeByte(FORMAT);
      out.writeUTF(header.modelId());
      out.writeLong(header.version());
      out.writeUTF(header.group());
      List<Pair<String, Parameter>> parameters = parameters(block);
      out.writeInt(parameters.size());
      for (Pair<String, Parameter> named : parameters) {
        NDArray array = named.getValue().getArray();
        out.writeUTF(named.getKey());
        out.writeUTF(FLOAT32);
        long[] dims = array.getShape().getShape();
        out.writeByte(dims.length);
        for (long dim : dims) {
          out.writeLong(dim);
        }
        float[] values = array.toFloatArray();
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES);
        buffer.asFloatBuffer().put(values);
        out.write(buffer.array());
      }
      out.writeLong(crc32(bytes.toByteArray(), bytes.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen for an in-memory stream
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes a payload for {@code group} into host arrays matching {@code live}'s parameters one to
   * one.
   *
   * @throws IllegalArgumentException naming what is wrong, if the payload is not a valid, finite
   *     payload for this group and shape
   */
  static Decoded decode(String group, byte[] payload, Block live) {
    if (payload == null) {
      throw new IllegalArgumentException("payload for group '" + group + "' is null");
    }
    try {
      return read(group, payload, parameters(live));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "bad payload for group '" + group + "': " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "bad payload for group '" + group + "': truncated (" + e + ")", e);
    }
  }

  private static Decoded read(String group, byte[] payload, List<Pair<String, Parameter>> live)
      throws IOException {
    if (payload.length < 13) {
      throw new IllegalArgumentException("not a RiskStream parameter payload");
    }
    int bodyLength = payload.length - Long.BYTES;
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
    if (in.readInt() != MAGIC) {
      throw new IllegalArgumentException("not a RiskStream parameter payload");
    }
    long storedChecksum = ByteBuffer.wrap(payload, bodyLength, Long.BYTES).getLong();
    if (crc32(payload, bodyLength) != storedChecksum) {
      throw new IllegalArgumentException("checksum mismatch: the payload is corrupt");
    }
    byte format = in.readByte();
    if (format != FORMAT) {
      throw new IllegalArgumentException(
          "unsupported payload format " + format + ", expected " + FORMAT);
    }
    PayloadHeader header = new PayloadHeader(in.readUTF(), in.readLong(), in.readUTF());
    if (!header.group().equals(group)) {
      throw new IllegalArgumentException("it holds group '" + header.group() + "'");
    }
    int count = in.readInt();
    if (count != live.size()) {
      throw new IllegalArgumentException(
          count + " parameters, expected " + live.size() + " (another model shape?)");
    }
    List<float[]> values = new ArrayList<>(count);
    for (Pair<String, Parameter> expected : live) {
      values.add(readParameter(in, expected.getKey(), expected.getValue().getArray().getShape()));
    }
    if (in.available() != Long.BYTES) {
      throw new IllegalArgumentException(
          (in.available() - Long.BYTES) + " unexpected bytes after the parameters");
    }
    return new Decoded(header, values);
  }

  private static float[] readParameter(DataInputStream in, String name, Shape expected)
      throws IOException {
    String got = in.readUTF();
    if (!got.equals(name)) {
      throw new IllegalArgumentException("parameter '" + got + "' where '" + name + "' belongs");
    }
    String dtype = in.readUTF();
    if (!FLOAT32.equals(dtype)) {
      throw new IllegalArgumentException(
          "parameter " + name + " is " + dtype + ", expected " + FLOAT32);
    }
    int rank = in.readByte();
    if (rank < 0 || rank > 8) {
      throw new IllegalArgumentException("parameter " + name + " has rank " + rank);
    }
    long[] dims = new long[rank];
    for (int i = 0; i < rank; i++) {
      dims[i] = in.readLong();
    }
    Shape shape = new Shape(dims);
    if (!shape.equals(expected)) {
      throw new IllegalArgumentException(
          "shape mismatch in parameter " + name + ": expected " + expected + ", got " + shape);
    }
    int size = Math.toIntExact(expected.size());
    if (in.available() < (long) size * Float.BYTES) {
      throw new EOFException("values of parameter " + name + " are cut short");
    }
    float[] values = new float[size];
    ByteBuffer.wrap(in.readNBytes(size * Float.BYTES)).asFloatBuffer().get(values);
    int bad = ParameterValues.firstNonFinite(values);
    if (bad >= 0) {
      throw new IllegalArgumentException(
          "non-finite value " + values[bad] + " in parameter " + name + " at index " + bad);
    }
    return values;
  }

  /** The block's parameters with their names, in DJL's stable traversal order. */
  private static List<Pair<String, Parameter>> parameters(Block block) {
    List<Pair<String, Parameter>> result = new ArrayList<>();
    block.getParameters().forEach(result::add);
    for (Pair<String, Parameter> p : result) {
      if (p.getValue().getArray().getDataType() != DataType.FLOAT32) {
        throw new IllegalStateException("parameter " + p.getKey() + " is not float32");
      }
    }
    return result;
  }

  private static long crc32(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return crc.getValue();
  }
}
