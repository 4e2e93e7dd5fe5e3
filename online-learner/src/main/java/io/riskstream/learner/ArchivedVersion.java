package io.riskstream.learner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A published version as the learner keeps it for a rollback: its lineage and the full payload of
 * every group it trained. Encoded to bytes by hand so that keyed state needs no generic (Kryo)
 * serializer for the map of payloads.
 */
public record ArchivedVersion(
    long version, long trainedThrough, long trainedExamples, Map<String, byte[]> groups) {

  private static final int FORMAT = 1;

  public ArchivedVersion {
    groups = Map.copyOf(groups);
  }

  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      out.writeLong(version);
      out.writeLong(trainedThrough);
      out.writeLong(trainedExamples);
      out.writeInt(groups.size());
      for (Map.Entry<String, byte[]> group : groups.entrySet()) {
        out.writeUTF(group.getKey());
        out.writeInt(group.getValue().length);
        out.write(group.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static ArchivedVersion decode(byte[] encoded) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      int format = in.readInt();
      if (format != FORMAT) {
        throw new IllegalArgumentException("unknown archived version format " + format);
      }
      long version = in.readLong();
      long trainedThrough = in.readLong();
      long trainedExamples = in.readLong();
      int count = in.readInt();
      Map<String, byte[]> groups = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String group = in.readUTF();
        byte[] payload = new byte[in.readInt()];
        in.readFully(payload);
        groups.put(group, payload);
      }
      return new ArchivedVersion(version, trainedThrough, trainedExamples, groups);
    } catch (IOException e) {
      throw new IllegalArgumentException("archived version is truncated: " + e.getMessage(), e);
    }
  }
}
