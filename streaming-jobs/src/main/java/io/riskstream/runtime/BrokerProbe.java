package io.riskstream.runtime;

import io.riskstream.kafka.KafkaProperties;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Asks whether a Kafka cluster answers, without the client's retry loops and log noise. */
public final class BrokerProbe {
  private BrokerProbe() {}

  /**
   * Whether the first bootstrap server accepts TCP and the cluster answers {@code describeCluster}
   * within {@code timeout}. The TCP check comes first because an admin client against a closed port
   * logs a warning per reconnect attempt.
   */
  public static boolean answers(String bootstrapServers, Duration timeout) {
    return answers(bootstrapServers, KafkaProperties.none(), timeout);
  }

  /** {@link #answers(String, Duration)} with the operator's client properties (SASL, SSL...). */
  public static boolean answers(String bootstrapServers, KafkaProperties client, Duration timeout) {
    if (!acceptsConnections(bootstrapServers, timeout)) {
      return false;
    }
    Properties props = client.addTo(new Properties());
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    int millis = (int) Math.max(1000, timeout.toMillis());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    try (Admin admin = Admin.create(props)) {
      return !admin.describeCluster().nodes().get(millis, TimeUnit.MILLISECONDS).isEmpty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * Whether {@code topic} exists. Clients would otherwise wait a minute for metadata of a missing
   * topic, since the embedded broker does not auto-create topics.
   */
  public static boolean topicExists(String bootstrapServers, String topic, Duration timeout) {
    return topicExists(bootstrapServers, KafkaProperties.none(), topic, timeout);
  }

  /** {@link #topicExists(String, String, Duration)} with the operator's client properties. */
  public static boolean topicExists(
      String bootstrapServers, KafkaProperties client, String topic, Duration timeout) {
    int millis = (int) Math.max(1000, timeout.toMillis());
    Properties props = client.addTo(new Properties());
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    try (Admin admin = Admin.create(props)) {
      return admin.listTopics().names().get(millis, TimeUnit.MILLISECONDS).contains(topic);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  static boolean acceptsConnections(String bootstrapServers, Duration timeout) {
    String first = bootstrapServers.split(",")[0].trim();
    int colon = first.lastIndexOf(':');
    if (colon < 0) {
      return false;
    }
    try (Socket socket = new Socket()) {
      int port = Integer.parseInt(first.substring(colon + 1));
      socket.connect(
          new InetSocketAddress(first.substring(0, colon), port),
          (int) Math.max(100, timeout.toMillis()));
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
