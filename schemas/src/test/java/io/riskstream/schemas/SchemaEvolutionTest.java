package io.riskstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/**
 * A new optional field must not break anyone: consumers on the current schema read records from
 * producers that already write v2, and v2 consumers read what current producers write.
 */
class SchemaEvolutionTest {
  private final Schema current = Transaction.getClassSchema();
  private final Schema v2 = load("/evolution/Transaction-v2.avsc");

  @Test
  void schemasAreCompatibleBothWays() {
    assertThat(compatibility(current, v2)).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    assertThat(compatibility(v2, current)).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
  }

  @Test
  void oldReaderReadsRecordsOfANewWriter() throws IOException {
    GenericRecord written =
        new GenericRecordBuilder(v2)
            .set("transactionId", "tx-9")
            .set("cardId", "c-9")
            .set("terminalId", "t-9")
            .set("amount", 12.0)
            .set("eventTime", 1_700_000_000_000L)
            .set("merchantCategory", "5411")
            .build();
    ByteBuffer bytes =
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v2).encode(written);

    Transaction read = AvroCodec.withWriterSchemas(Transaction.class, v2).decode(toArray(bytes));

    assertThat(read.getTransactionId()).isEqualTo("tx-9");
    assertThat(read.getAmount()).isEqualTo(12.0);
  }

  @Test
  void newReaderReadsRecordsOfAnOldWriter() throws IOException {
    byte[] bytes = AvroCodec.of(Transaction.class).encode(AvroCodecTest.txn());

    BinaryMessageDecoder<GenericRecord> newReader =
        new BinaryMessageDecoder<>(GenericData.get(), v2);
    newReader.addSchema(current);
    GenericRecord read = newReader.decode(bytes);

    assertThat(read.get("cardId").toString()).isEqualTo("c-1");
    assertThat(read.get("merchantCategory")).isNull();
  }

  private static SchemaCompatibilityType compatibility(Schema reader, Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType();
  }

  private static byte[] toArray(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  private static Schema load(String resource) {
    try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream(resource)) {
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
