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
 * Byte format of one parameter group, self-describing and engine independent. A full payload
 * (format 3):
 *
 * <pre>
 * int    magic "RSMG"          byte  format (3)
 * UTF    model id              long  version          UTF group
 * int    parameter count, then per parameter:
 *        UTF name   UTF dtype ("float32")   byte rank   long[rank] dims   float[] values
 * long   CRC-32 of every byte before it
 * </pre>
 *
 * A row delta (format 4) differs in two places: {@code long baseVersion} follows the group, and
 * each parameter's dims are followed by a layout byte, 0 for all values as above, or 1 for some
 * rows (along the first dimension): {@code int rowCount, int[rowCount] rows} (strictly ascending),
 * then the values of those rows only. Only the embedding table is written as rows; a full payload
 * keeps format 3, so payloads from before deltas existed still import, byte for byte.
 *
 * <p>Decoding checks, in order: the checksum (a flipped bit inside a weight stays finite and
 * well-shaped, so nothing else would notice), magic and format, the group name, the parameter
 * names, shapes and dtype against the live block, row indices against the first dimension, and that
 * every value is finite. Only then are values handed back, so a rejected payload never touches a
 * live weight.
 */
final class GroupPayloads {

  private static final int MAGIC = 0x52534d47; // "RSMG"
  private static final byte FORMAT = 3;
  private static final byte DELTA_FORMAT = 4;
  private static final byte ALL_VALUES = 0;
  private static final byte SOME_ROWS = 1;
  private static final String FLOAT32 = "float32";

  private GroupPayloads() {}

  /**
   * A decoded payload: its header and, per parameter of the group, either all its values ({@code
   * rows} null) or the listed rows' values, row after row.
   */
  record Decoded(PayloadHeader header, List<float[]> values, List<int[]> rows) {}

  static byte[] encode(PayloadHeader header, Block block) {
    if (header.delta()) {
      throw new IllegalArgumentException("a full payload needs a full header, got " + header);
    }
    return write(header, block, null, null);
  }

  /**
   * A row delta of {@code block}: every parameter in full except {@code table}, of which only
   * {@code rows} (ascending, distinct, in range) are written.
   */
  static byte[] encodeDelta(PayloadHeader header, Block block, Parameter table, int[] rows) {
    if (!header.delta()) {
      throw new IllegalArgumentException("a row delta needs a delta header, got " + header);
    }
    return write(header, block, table, rows);
  }

  private static byte[] write(PayloadHeader header, Block block, Parameter table, int[] rows) {
    boolean delta = header.delta();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeByte(delta ? DELTA_FORMAT : FORMAT);
      out.writeUTF(header.modelId());
      out.writeLong(header.version());
      out.writeUTF(header.group());
      if (delta) {
        out.writeLong(header.baseVersion());
      }
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
        if (!delta) {
          writeFloats(out, values, 0, values.length);
        } else if (named.getValue() != table) {
          out.writeByte(ALL_VALUES);
          writeFloats(out, values, 0, values.length);
        } else {
          out.writeByte(SOME_ROWS);
          int width = Math.toIntExact(values.length / dims[0]);
          out.writeInt(rows.length);
          for (int row : rows) {
            out.writeInt(row);
          }
          for (int row : rows) {
            writeFloats(out, values, row * width, width);
          }
        }
      }
      out.writeLong(crc32(bytes.toByteArray(), bytes.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen for an in-memory stream
    }
    return bytes.toByteArray();
  }

  private static void writeFloats(DataOutputStream out, float[] values, int from, int count)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(count * Float.BYTES);
    buffer.asFloatBuffer().put(values, from, count);
    out.write(buffer.array());
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
    if (format != FORMAT && format != DELTA_FORMAT) {
      throw new IllegalArgumentException(
          "unsupported payload format " + format + ", expected " + FORMAT + " or " + DELTA_FORMAT);
    }
    boolean delta = format == DELTA_FORMAT;
    String modelId = in.readUTF();
    long version = in.readLong();
    String name = in.readUTF();
    PayloadHeader header =
        delta
            ? PayloadHeader.delta(modelId, version, name, in.readLong())
            : new PayloadHeader(modelId, version, name);
    if (!header.group().equals(group)) {
      throw new IllegalArgumentException("it holds group '" + header.group() + "'");
    }
    int count = in.readInt();
    if (count != live.size()) {
      throw new IllegalArgumentException(
          count + " parameters, expected " + live.size() + " (another model shape?)");
    }
    List<float[]> values = new ArrayList<>(count);
    List<int[]> rows = new ArrayList<>(count);
    for (Pair<String, Parameter> expected : live) {
      String parameter = expected.getKey();
      Shape shape = readShape(in, parameter, expected.getValue().getArray().getShape());
      int[] someRows =
          delta && readLayout(in, parameter) == SOME_ROWS ? readRows(in, parameter, shape) : null;
      rows.add(someRows);
      int size = Math.toIntExact(shape.size());
      int length =
          someRows == null ? size : Math.toIntExact(someRows.length * (size / shape.get(0)));
      values.add(readValues(in, parameter, length));
    }
    if (in.available() != Long.BYTES) {
      throw new IllegalArgumentException(
          (in.available() - Long.BYTES) + " unexpected bytes after the parameters");
    }
    return new Decoded(header, values, rows);
  }

  private static Shape readShape(DataInputStream in, String name, Shape expected)
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
    return shape;
  }

  private static byte readLayout(DataInputStream in, String name) throws IOException {
    byte layout = in.readByte();
    if (layout != ALL_VALUES && layout != SOME_ROWS) {
      throw new IllegalArgumentException("parameter " + name + " has unknown layout " + layout);
    }
    return layout;
  }

  /** Row indices along the first dimension: strictly ascending and inside it. */
  private static int[] readRows(DataInputStream in, String name, Shape shape) throws IOException {
    if (shape.dimension() == 0) {
      throw new IllegalArgumentException("parameter " + name + " is a scalar, it has no rows");
    }
    long limit = shape.get(0);
    int count = in.readInt();
    if (count < 0 || count > limit) {
      throw new IllegalArgumentException(
          "parameter " + name + " lists " + count + " rows, it has " + limit);
    }
    int[] rows = new int[count];
    for (int i = 0; i < count; i++) {
      rows[i] = in.readInt();
      if (rows[i] < 0 || rows[i] >= limit) {
        throw new IllegalArgumentException(
            "row " + rows[i] + " of parameter " + name + " is out of range [0, " + limit + ")");
      }
      if (i > 0 && rows[i] <= rows[i - 1]) {
        throw new IllegalArgumentException(
            "rows of parameter " + name + " are not strictly ascending at " + rows[i]);
      }
    }
    return rows;
  }

  private static float[] readValues(DataInputStream in, String name, int count) throws IOException {
    if (in.available() < (long) count * Float.BYTES) {
      throw new EOFException("values of parameter " + name + " are cut short");
    }
    float[] values = new float[count];
    ByteBuffer.wrap(in.readNBytes(count * Float.BYTES)).asFloatBuffer().get(values);
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
