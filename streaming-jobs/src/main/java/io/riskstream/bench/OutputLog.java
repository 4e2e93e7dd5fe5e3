package io.riskstream.bench;

import java.util.Arrays;

/**
 * What the bench saw of a job's output, one entry per output record: when its transaction was sent
 * (the transaction's event time, stamped at sending), when the broker appended the record (the
 * output topic keeps LogAppendTime: the moment a read_uncommitted consumer could have read it) and
 * when the bench's read_committed consumer got it (after the job's checkpoint committed it). All
 * epoch milliseconds of this machine's clock, which the broker's child JVM shares. Primitive
 * arrays: a run logs a few million entries. Not thread safe.
 */
final class OutputLog {
  private long[] sent = new long[4096];
  private long[] appended = new long[4096];
  private long[] consumed = new long[4096];
  private int size;

  void add(long sentAt, long appendedAt, long consumedAt) {
    if (size == sent.length) {
      sent = Arrays.copyOf(sent, size * 2);
      appended = Arrays.copyOf(appended, size * 2);
      consumed = Arrays.copyOf(consumed, size * 2);
    }
    sent[size] = sentAt;
    appended[size] = appendedAt;
    consumed[size] = consumedAt;
    size++;
  }

  int size() {
    return size;
  }

  long sentAt(int i) {
    return sent[check(i)];
  }

  long appendedAt(int i) {
    return appended[check(i)];
  }

  long consumedAt(int i) {
    return consumed[check(i)];
  }

  /** Entries whose transaction was sent in [from, until), looking at entries from index on. */
  int countSent(long from, long until, int fromIndex) {
    int count = 0;
    for (int i = fromIndex; i < size; i++) {
      if (sent[i] >= from && sent[i] < until) {
        count++;
      }
    }
    return count;
  }

  private int check(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i + " of " + size);
    }
    return i;
  }
}
