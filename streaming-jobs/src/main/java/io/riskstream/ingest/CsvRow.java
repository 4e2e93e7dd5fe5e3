package io.riskstream.ingest;

import io.riskstream.schemas.Label;
import io.riskstream.schemas.Transaction;
import java.util.Optional;

/** One data line of a transaction CSV: either the records it yields or why it was rejected. */
public sealed interface CsvRow {

  /** The 1-based line number in the file, the header being line 1. */
  long lineNumber();

  /** A parsed row; {@code label} is present only when the format carries a fraud flag. */
  record Valid(long lineNumber, Transaction transaction, Optional<Label> label) implements CsvRow {}

  /** A row that could not be turned into records, with a reason a person can act on. */
  record Rejected(long lineNumber, String reason) implements CsvRow {
    @Override
    public String toString() {
      return "line " + lineNumber + ": " + reason;
    }
  }
}
