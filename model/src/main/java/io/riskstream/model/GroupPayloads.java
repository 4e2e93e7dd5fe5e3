package io.riskstream.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Byte format of one parameter group: a small header (magic, format version, group name, length and
 * CRC-32 of the body) followed by the body, DJL's {@code saveParameters} of the group's child block
 * (each array with its shape and dtype). Decoding checks the checksum — a flipped bit inside a
 * weight stays finite and well-shaped, so nothing else would notice — then loads into a scratch
 * block and validates structure, shapes, dtype and finiteness before any live weight is touched.
 */
final class GroupPayloads {

  private static final int MAGIC = 0x52534d47; // "RSMG"
  private static final byte FORMAT = 2;

  private GroupPayloads() {}

  static byte[] encode(String group, Block block) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      try (DataOutputStream parameters = new DataOutputStream(body)) {
        block.saveParameters(parameters);
      }
      byte[] bodyBytes = body.toByteArray();
      out.writeInt(MAGIC);
      out.writeByte(FORMAT);
      out.writeUTF(group);
      out.writeInt(bodyBytes.length);
      out.writeLong(crc32(bodyBytes));
      out.write(bodyBytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen for an in-memory stream
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes a payload for {@code group} into host arrays matching {@code live}'s parameters one to
   * one. {@code scratchBlock} is a fresh, structurally identical block that absorbs the load.
   *
   * @throws IllegalArgumentException if the payload is not a valid, finite payload for this group
   *     and shape
   */
  static List<float[]> decode(
      String group, byte[] payload, Block live, Block scratchBlock, NDManager scratch) {
    if (payload == null) {
      throw new IllegalArgumentException("payload for group '" + group + "' is null");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      if (payload.length < 5 || in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not a RiskStream parameter payload");
      }
      byte format = in.readByte();
      if (format != FORMAT) {
        throw new IllegalArgumentException("unsupported payload format " + format);
      }
      String payloadGroup = in.readUTF();
      if (!payloadGroup.equals(group)) {
        throw new IllegalArgumentException(
            "payload holds group '" + payloadGroup + "', not '" + group + "'");
      }
      int length = in.readInt();
      long checksum = in.readLong();
      if (length < 0 || length != in.available()) {
        throw new IllegalArgumentException(
            "body length " + length + " does not match the " + in.available() + " bytes present");
      }
      byte[] body = in.readNBytes(length);
      if (crc32(body) != checksum) {
        throw new IllegalArgumentException("checksum mismatch: the parameters are corrupt");
      }
      try (DataInputStream parameters = new DataInputStream(new ByteArrayInputStream(body))) {
        scratchBlock.loadParameters(scratch, parameters);
        if (parameters.available() > 0) {
          throw new IllegalArgumentException(
              parameters.available() + " trailing bytes after the parameters");
        }
      }
    } catch (IOException | MalformedModelException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae && iae.getMessage() != null) {
        throw new IllegalArgumentException(
            "bad payload for group '" + group + "': " + e.getMessage());
      }
      throw new IllegalArgumentException(
          "malformed or truncated payload for group '" + group + "': " + e, e);
    }
    return checkedValues(group, ParameterValues.of(live), ParameterValues.of(scratchBlock));
  }

  private static long crc32(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }

  private static List<float[]> checkedValues(
      String group, List<Parameter> live, List<Parameter> loaded) {
    if (live.size() != loaded.size()) {
      throw new IllegalArgumentException(
          "payload for group '"
              + group
              + "' has "
              + loaded.size()
              + " parameters, expected "
              + live.size());
    }
    List<float[]> values = new ArrayList<>(live.size());
    for (int i = 0; i < live.size(); i++) {
      Parameter expected = live.get(i);
      Parameter got = loaded.get(i);
      if (got.getArray() == null || !expected.getShape().equals(got.getArray().getShape())) {
        throw new IllegalArgumentException(
            "shape mismatch in group '"
                + group
                + "' parameter "
                + expected.getName()
                + ": expected "
                + expected.getShape()
                + ", got "
                + (got.getArray() == null ? "nothing" : got.getArray().getShape()));
      }
      if (got.getArray().getDataType() != DataType.FLOAT32) {
        throw new IllegalArgumentException(
            "group '"
                + group
                + "' parameter "
                + expected.getName()
                + " is "
                + got.getArray().getDataType()
                + ", expected float32");
      }
      float[] data = got.getArray().toFloatArray();
      int bad = ParameterValues.firstNonFinite(data);
      if (bad >= 0) {
        throw new IllegalArgumentException(
            "non-finite value "
                + data[bad]
                + " in group '"
                + group
                + "' parameter "
                + expected.getName()
                + " at index "
                + bad);
      }
      values.add(data);
    }
    return values;
  }
}
