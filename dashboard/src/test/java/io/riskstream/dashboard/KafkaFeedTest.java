package io.riskstream.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class KafkaFeedTest {

  @Test
  void aBrokerThatIsAwayDoesNotEndTheFeedAndClosingIsQuiet() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    KafkaFeed feed =
        new KafkaFeed(Map.of("bootstrap.servers", "127.0.0.1:" + closedPort), new LiveView());
    List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    Thread thread = new Thread(feed, "feed-under-test");
    thread.setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    thread.start();

    // Its metadata request times out after 5 s: the feed counts it and keeps asking.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> feed.brokerErrors() >= 1 || !thread.isAlive());
    assertThat(thread.isAlive()).as("the feed outlives a broker that is away").isTrue();

    feed.close();
    thread.join(Duration.ofSeconds(10).toMillis());
    assertThat(thread.isAlive()).isFalse();
    assertThat(uncaught).as("exceptions that escaped the feed").isEmpty();
  }
}
