package io.riskstream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.riskstream.dashboard.Dashboard;
import io.riskstream.kafka.KafkaClients;
import io.riskstream.runtime.TopicSetup;
import io.riskstream.schemas.AvroCodec;
import io.riskstream.schemas.Decision;
import io.riskstream.schemas.FeatureContribution;
import io.riskstream.schemas.ModelEvent;
import io.riskstream.schemas.ModelEventKind;
import io.riskstream.schemas.ReasonCodes;
import io.riskstream.schemas.Score;
import io.riskstream.schemas.Topic;
import io.riskstream.schemas.Transaction;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's headless chromium, driven through its chromedriver (no
 * browser download), against the embedded broker with records produced as the platform writes them.
 * The counters, a chart and the alert feed must update with no reload; a screenshot is saved to
 * {@code target/dashboard.png}.
 */
class DashboardBrowserIT {
  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dataDir;

  @Test
  void countersChartsAndAlertsUpdateLive() throws Exception {
    assumeTrue(
        CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
        "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver);"
            + " .ci/run installs them");
    AtomicBoolean producing = new AtomicBoolean(true);
    try (EmbeddedKafkaFixture kafka = new EmbeddedKafkaFixture(dataDir.resolve("kafka"))) {
      String bootstrap = kafka.bootstrapServers();
      TopicSetup.createAll(bootstrap, 2);
      try (Dashboard dashboard = Dashboard.start(Dashboard.Options.local(bootstrap))) {
        Thread producer = new Thread(() -> produce(bootstrap, producing), "dashboard-it-producer");
        producer.start();
        WebDriver browser = browser();
        try {
          browser.get(dashboard.url());
          WebDriverWait wait = new WebDriverWait(browser, WAIT);
          wait.until(b -> number(b, "scores-total") > 0);
          long seen = number(browser, "scores-total");
          wait.until(b -> number(b, "scores-total") > seen); // pushed, not reloaded
          wait.until(b -> !b.findElements(By.cssSelector("#alerts li")).isEmpty());
          wait.until(b -> text(b, "connection").equals("live"));
          wait.until(b -> number(b, "decline") > 0);

          assertThat(browser.findElements(By.cssSelector("#chart-throughput canvas")))
              .as("the throughput chart is drawn")
              .isNotEmpty();
          assertThat(browser.findElements(By.cssSelector("#histogram div"))).hasSize(20);
          assertThat(text(browser, "model-version")).isNotEqualTo("–");
          assertThat(browser.findElement(By.cssSelector("#alerts li")).getText())
              .contains("DECLINE")
              .contains("reasons: amount_log");
          assertThat(browser.findElements(By.cssSelector("#versions tr"))).isNotEmpty();

          Path screenshot = Path.of("target", "dashboard.png");
          Files.createDirectories(screenshot.getParent());
          Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
          browser.quit();
          producing.set(false);
          producer.join();
        }
      }
    }
  }

  private static WebDriver browser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1600,1200");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
    return new ChromeDriver(service, options);
  }

  private static String text(WebDriver browser, String id) {
    return browser.findElement(By.id(id)).getText().trim();
  }

  private static long number(WebDriver browser, String id) {
    String value = text(browser, id);
    return value.matches("\\d+") ? Long.parseLong(value) : -1;
  }

  /** Transactions, their scores (one in ten declined) and a model version now and then. */
  private static void produce(String bootstrap, AtomicBoolean producing) {
    AvroCodec<Transaction> transactions = AvroCodec.of(Transaction.class);
    AvroCodec<Score> scores = AvroCodec.of(Score.class);
    AvroCodec<ModelEvent> events = AvroCodec.of(ModelEvent.class);
    try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(bootstrap)) {
      for (int i = 0; producing.get(); i++) {
        long now = System.currentTimeMillis();
        String id = "tx-" + i;
        producer.send(
            new ProducerRecord<>(
                Topic.TRANSACTIONS.topicName(),
                transactions.encode(
                    Transaction.newBuilder()
                        .setTransactionId(id)
                        .setCardId("card-" + i % 40)
                        .setTerminalId("terminal-" + i % 7)
                        .setAmount(20 + i % 300)
                        .setEventTime(now)
                        .build())));
        boolean declined = i % 10 == 0;
        producer.send(
            new ProducerRecord<>(
                Topic.SCORES.topicName(), scores.encode(score(id, i, now, declined))));
        if (i % 50 == 0) {
          producer.send(
              new ProducerRecord<>(
                  Topic.MODEL_EVENTS.topicName(),
                  events.encode(
                      ModelEvent.newBuilder()
                          .setModelId("riskstream-fraud")
                          .setKind(ModelEventKind.PUBLISHED)
                          .setVersion(2 + i / 50)
                          .setParentVersion(1 + i / 50)
                          .setReason("accepted")
                          .setMetrics(Map.of("prequential_auc", 0.9, "prequential_ap", 0.6))
                          .setTrainedThrough(now)
                          .setAt(now)
                          .build())));
        }
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Score score(String id, int i, long now, boolean declined) {
    return Score.newBuilder()
        .setTransactionId(id)
        .setCardId("card-" + i % 40)
        .setEventTime(now - 40)
        .setScore(declined ? 0.97 : (i % 100) / 400.0)
        .setDecision(declined ? Decision.DECLINE : Decision.APPROVE)
        .setModelVersion(2 + i / 50)
        .setModelTrainedThrough(now)
        .setScoredAt(now)
        .setReasons(
            declined
                ? ReasonCodes.newBuilder()
                    .setAttendedTransactions(List.of())
                    .setFeatureContributions(List.of(new FeatureContribution("amount_log", 1.2f)))
                    .setExpert(1)
                    .build()
                : null)
        .build();
  }
}
