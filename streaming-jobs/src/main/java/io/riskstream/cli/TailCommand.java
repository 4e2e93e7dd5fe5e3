package io.riskstream.cli;

import io.riskstream.kafka.KafkaClients;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.Topic;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code riskstream tail}: prints a topic's committed records from the beginning as JSON lines. */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the committed records of a topic from the beginning, one JSON object per line.",
      "A record that cannot be decoded prints {\"error\":..., \"partition\":..., \"offset\":...}.",
      "Stops after --max records or when nothing arrives for --idle-timeout."
    })
public final class TailCommand implements Callable<Integer> {
  private static final Duration POLL = Duration.ofMillis(200);

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TOPIC", description = "e.g. transactions, scores.")
  String topic;

  @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
  Long max;

  @Mixin KafkaOptions kafka;

  @Option(
      names = "--idle-timeout",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Stop when nothing arrives for this long (default: ${DEFAULT-VALUE}).")
  Duration idleTimeout;

  @Override
  public Integer call() {
    Topic source;
    try {
      source = Topic.byName(topic);
    } catch (IllegalArgumentException e) {
      return usageError(e.getMessage());
    }
    Optional<String> unusable = kafka.whyUnusable(source);
    if (unusable.isPresent()) {
      return usageError(unusable.get());
    }
    PrintWriter out = spec.commandLine().getOut();
    AvroCodec<? extends SpecificRecordBase> codec = source.codec();
    long printed = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        KafkaClients.readCommittedConsumer(kafka.bootstrap(), kafka.clientProperties())) {
      // Assigning every partition (no group subscription) starts reading at once, with no
      // rebalance, and never commits offsets.
      List<TopicPartition> partitions = new ArrayList<>();
      List<PartitionInfo> infos =
          consumer.partitionsFor(source.topicName(), Duration.ofSeconds(10));
      if (infos == null || infos.isEmpty()) {
        return usageError(
            "topic " + source.topicName() + " does not exist at " + kafka.bootstrap());
      }
      for (PartitionInfo info : infos) {
        partitions.add(new TopicPartition(info.topic(), info.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long lastArrival = System.nanoTime();
      while (max == null || printed < max) {
        var records = consumer.poll(POLL);
        if (records.isEmpty()) {
          if (System.nanoTime() - lastArrival >= idleTimeout.toNanos()) {
            break;
          }
          continue;
        }
        lastArrival = System.nanoTime();
        for (ConsumerRecord<byte[], byte[]> record : records) {
          out.println(toJson(codec, record));
          printed++;
          if (max != null && printed >= max) {
            break;
          }
        }
        out.flush();
      }
    }
    out.flush();
    return 0;
  }

  static String toJson(
      AvroCodec<? extends SpecificRecordBase> codec, ConsumerRecord<byte[], byte[]> record) {
    try {
      return JsonData.INSTANCE.toString(codec.decode(record.value()));
    } catch (RuntimeException e) {
      return "{\"error\": "
          + quote(e.getMessage())
          + ", \"partition\": "
          + record.partition()
          + ", \"offset\": "
          + record.offset()
          + "}";
    }
  }

  private static String quote(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : String.valueOf(text).toCharArray()) {
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }

  private int usageError(String message) {
    return CliSupport.usageError(spec, "tail", message);
  }

  /**
   * Avro's own JSON rendering of records, except that {@code bytes} fields (model payloads, dead
   * letters) print as one base64 string instead of escaped characters.
   */
  static final class JsonData extends SpecificData {
    static final JsonData INSTANCE = new JsonData();

    @Override
    protected void toString(
        Object datum, StringBuilder buffer, IdentityHashMap<Object, Object> seenMap) {
      if (datum instanceof ByteBuffer) {
        ByteBuffer bytes = ((ByteBuffer) datum).duplicate();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        buffer.append('"').append(Base64.getEncoder().encodeToString(copy)).append('"');
      } else {
        super.toString(datum, buffer, seenMap);
      }
    }
  }
}
