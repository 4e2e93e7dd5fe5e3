package io.riskstream.ingest;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads a transaction CSV row by row, streaming, so a gzipped 1.5M-row file needs no more memory
 * than one line. The layout is chosen by the header, or given as a {@link ColumnMapping}; files
 * ending in {@code .gz} are unzipped.
 */
public final class TransactionCsvReader implements Closeable {
  private final BufferedReader in;
  private final Optional<CsvFormat> format;
  private final RowParser parser;
  private long lineNumber = 1;

  private TransactionCsvReader(BufferedReader in, Optional<CsvFormat> format, RowParser parser) {
    this.in = in;
    this.format = format;
    this.parser = parser;
  }

  /**
   * Opens a file and reads its header, which must be one of the {@link CsvFormat}s.
   *
   * @throws NoSuchFileException when the file does not exist
   * @throws IllegalArgumentException when the header matches no {@link CsvFormat}
   */
  public static TransactionCsvReader open(Path file, Duration labelDelay) throws IOException {
    return open(file, labelDelay, Optional.empty());
  }

  /**
   * Opens a file and reads its header.
   *
   * @param columns where the fields are; empty: the header must be one of the {@link CsvFormat}s
   * @throws NoSuchFileException when the file does not exist
   * @throws IllegalArgumentException when the header matches no {@link CsvFormat}, or lacks a
   *     column {@code columns} names; the message starts with the file
   */
  public static TransactionCsvReader open(
      Path file, Duration labelDelay, Optional<ColumnMapping> columns) throws IOException {
    InputStream raw = Files.newInputStream(file);
    try {
      InputStream bytes =
          file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
      BufferedReader in =
          new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8), 1 << 16);
      String header = in.readLine();
      if (header == null) {
        throw new IllegalArgumentException(file + " is empty: no header line");
      }
      header = stripBom(header);
      if (columns.isPresent()) {
        try {
          return new TransactionCsvReader(
              in, Optional.empty(), new RowParser(columns.get(), header, labelDelay));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
      }
      String firstLine = header;
      CsvFormat format =
          CsvFormat.detect(header)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          file
                              + ": unknown header '"
                              + firstLine
                              + "'; expected '"
                              + CsvFormat.FRAUD_HANDBOOK.header()
                              + "' or '"
                              + CsvFormat.GENERIC_LABELLED.header()
                              + "' (fraud optional), or map its columns with --columns"));
      return new TransactionCsvReader(in, Optional.of(format), new RowParser(format, labelDelay));
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** The format the header was recognised as; empty when read through a column mapping. */
  public Optional<CsvFormat> format() {
    return format;
  }

  /** Whether rows carry a fraud verdict, so each valid row has a label. */
  public boolean hasLabels() {
    return parser.hasLabels();
  }

  /** The next data row, or {@code null} at the end of the file. Blank lines are skipped. */
  public CsvRow next() throws IOException {
    String line;
    do {
      line = in.readLine();
      lineNumber++;
      if (line == null) {
        return null;
      }
    } while (line.isBlank());
    return parser.parse(lineNumber, line);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  // Excel writes a byte-order mark before the header; it would hide the first column's name.
  private static String stripBom(String header) {
    return header.startsWith("\uFEFF") ? header.substring(1) : header;
  }
}
