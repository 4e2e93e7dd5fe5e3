package io.riskstream.cli;

import io.riskstream.ingest.ColumnMapping;
import io.riskstream.ingest.TransactionCsvReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --columns}, for every command that reads transaction CSVs: where the fields are in a CSV
 * whose header is none of the built-in formats (a picocli mixin).
 */
final class ColumnsOption {
  @Option(
      names = "--columns",
      paramLabel = "MAP",
      converter = Converter.class,
      description =
          "Read the transaction CSVs through this mapping of field=COLUMN, columns found by header"
              + " name, e.g. transaction_id=TX_ID,card_id=PAN,terminal_id=MERCHANT,amount=AMT,"
              + "event_time=TS,fraud=IS_FRAUD. Required: transaction_id, card_id, terminal_id,"
              + " amount, event_time (ISO-8601 instant or epoch millis); optional: fraud (0/1 or"
              + " true/false), device_id, ip_address (default: the header must be the handbook's"
              + " or transaction_id,card_id,terminal_id,amount,event_time[,fraud]).")
  ColumnMapping columns;

  /** The mapping given; empty: each file's header picks its format. */
  Optional<ColumnMapping> mapping() {
    return Optional.ofNullable(columns);
  }

  /**
   * Reads the header of each file, so that a column the mapping names and a file lacks (or a header
   * of no known format) is one line before any broker starts.
   */
  void checkHeaders(List<Path> files) throws IOException {
    for (Path file : files) {
      CliSupport.requireReadable(file);
      TransactionCsvReader.open(file, Duration.ZERO, mapping()).close();
    }
  }

  /** Reads {@code --columns}; a bad mapping is picocli's one line naming the problem. */
  public static final class Converter implements ITypeConverter<ColumnMapping> {
    @Override
    public ColumnMapping convert(String value) {
      try {
        return ColumnMapping.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
