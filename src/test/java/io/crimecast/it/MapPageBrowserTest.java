package io.crimecast.it;

import io.crimecast.app.ServingNode;
import io.crimecast.config.CrimecastConfig;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.replay.BundledData;
import io.crimecast.replay.ColumnMapping;
import io.crimecast.replay.IncidentFileReader;
import io.crimecast.replay.IncidentPublisher;
import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;
import io.crimecast.topics.TopicNames;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The map page in headless Chromium (Debian's chromium and chromium-driver; skipped when they are absent) against the
 * app on the real broker, fed real Philadelphia incidents: no console errors, a polygon per cell, the side list equal
 * to the hotspots topic's latest record, a click shows the cell's history and evidence, a past day shows what
 * happened, and a day closing updates the page by itself. Leaves target/map-page.png and map-page-past-day.png to look at.
 */
class MapPageBrowserTest extends KafkaTestSupport {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void thePageShowsTheForecastListTheHistoryAndFollowsADayClosing() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "needs chromium and chromedriver (apt-get install chromium chromium-driver)");
        Grid grid = new Grid(Regions.load("philadelphia"));
        BundledData data = BundledData.forRegion("philadelphia");
        List<IncidentFileReader.TimedIncident> all = new IncidentFileReader(grid.spec(), ColumnMapping.forFormat(data.format(), null))
                .read(List.of(data.copyTo(tmp))).incidents();
        Instant end = all.get(all.size() - 1).at();
        Instant split = end.minus(Duration.ofDays(2));
        List<IncidentFileReader.TimedIncident> first = all.stream().filter(t -> !t.at().isBefore(end.minus(Duration.ofDays(30))) && t.at().isBefore(split)).toList();
        List<IncidentFileReader.TimedIncident> rest = all.stream().filter(t -> !t.at().isBefore(split)).toList();

        try (ServingNode node = new ServingNode(CrimecastConfig.fromEnvironment(Map.of(
                CrimecastConfig.ENV_BOOTSTRAP, broker.bootstrapServers(), CrimecastConfig.ENV_REGIONS, "philadelphia",
                CrimecastConfig.ENV_STATE_DIR, tmp.resolve("state").toString(), CrimecastConfig.ENV_APPLICATION_ID, "it-map-page",
                CrimecastConfig.ENV_HTTP_PORT, "0")));
             IncidentPublisher publisher = new IncidentPublisher(new Properties(), broker.bootstrapServers(), TopicNames.DEFAULT.incidents());
             KafkaConsumer<String, Output.Hotspots> hotspots = consumer(broker, TopicNames.DEFAULT.hotspots(), new JsonSerde<>(Output.Hotspots.class).deserializer())) {
            publisher.publish("philadelphia", first, 0, n -> { });
            List<ConsumerRecord<String, Output.Hotspots>> records = new ArrayList<>();
            Output.Hotspots latest = latestDaily(hotspots, records, LocalDate.MIN);

            WebDriver browser = chromium();
            try {
                browser.get(node.url("/"));
                WebDriverWait wait = new WebDriverWait(browser, WAIT);
                wait.until(d -> d.findElements(By.cssSelector("#map .cell")).size() == grid.cellCount());
                wait.until(d -> d.findElement(By.id("status")).getText().equals("live"));
                assertThat(browser.findElement(By.id("model")).getText()).isEqualTo(latest.modelVersion());
                assertThat(new Select(browser.findElement(By.id("period"))).getFirstSelectedOption().getAttribute("value"))
                        .isEqualTo(latest.periodStart().toString());

                // the side list is the topic's latest record: rank, cell, expected, probability, centre
                List<List<String>> rows = browser.findElements(By.cssSelector("#hotspot-list tbody tr")).stream()
                        .map(tr -> tr.findElements(By.tagName("td")).subList(0, 5).stream().map(WebElement::getText).toList()).toList();
                assertThat(rows).isEqualTo(latest.cells().stream().map(c -> List.of(Integer.toString(c.rank()), Integer.toString(c.cell()),
                        String.format(Locale.ROOT, "%.2f", c.expected()), String.format(Locale.ROOT, "%.2f", c.hotspotProbability()),
                        String.format(Locale.ROOT, "%.5f, %.5f", c.lat(), c.lon()))).toList());
                assertThat(browser.findElements(By.cssSelector("#map .cell.flagged"))).hasSize(latest.flaggedCells());

                // a click on the top cell shows its history and why it is flagged
                int top = latest.cells().get(0).cell();
                browser.findElement(By.cssSelector("#map .cell[data-cell='" + top + "']")).click();
                wait.until(d -> !d.findElements(By.cssSelector("#history-chart .bar")).isEmpty() && !d.findElements(By.cssSelector("#why li")).isEmpty());
                assertThat(browser.findElement(By.id("cell-title")).getText()).startsWith("Cell " + top + " ");
                assertThat(browser.findElements(By.cssSelector("#history-chart .bar")).size()).as("a bar per closed day kept, up to 60").isBetween(20, 60);
                assertThat(browser.findElement(By.cssSelector("#why li")).getText()).startsWith("Ranked #1 of " + latest.flaggedCells() + " flagged");

                // a past day: what happened beside what was forecast
                Select period = new Select(browser.findElement(By.id("period")));
                period.selectByIndex(1);
                wait.until(d -> d.findElement(By.id("summary")).getText().contains("Through "));
                assertThat(browser.findElements(By.cssSelector("#map .actual"))).isNotEmpty();
                screenshot(browser, "map-page-past-day.png");
                period.selectByIndex(0);
                wait.until(d -> !d.findElement(By.id("summary")).getText().contains("Through "));

                // a day closes: the page follows by itself
                String before = browser.findElement(By.id("generated")).getAttribute("data-value");
                publisher.publish("philadelphia", rest, 0, n -> { });
                Output.Hotspots newer = latestDaily(hotspots, records, latest.periodStart());
                wait.until(d -> newer.periodStart().toString().equals(new Select(d.findElement(By.id("period"))).getFirstSelectedOption().getAttribute("value")));
                wait.until(d -> !d.findElements(By.cssSelector("#history-chart .bar")).isEmpty());
                assertThat(browser.findElement(By.id("generated")).getAttribute("data-value")).isNotEqualTo(before);

                List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
                assertThat(errors).as("console errors").isEmpty();
            } finally {
                Thread.sleep(500); // the last poll's drawing settles before the picture
                screenshot(browser, "map-page.png");
                browser.quit();
            }
        }
    }

    private static void screenshot(WebDriver browser, String name) throws java.io.IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1500,950");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** The latest next-day hotspots record, once one is later than {@code after} and the app has then written nothing for five seconds. */
    private static Output.Hotspots latestDaily(KafkaConsumer<String, Output.Hotspots> consumer, List<ConsumerRecord<String, Output.Hotspots>> records,
                                               LocalDate after) {
        assertThat(pollUntil(consumer, records, r -> r.stream().anyMatch(x -> x.value().horizonDays() == 1 && x.value().periodStart().isAfter(after)), WAIT))
                .isTrue();
        int seen;
        do {
            seen = records.size();
            pollUntil(consumer, records, r -> false, Duration.ofSeconds(5));
        } while (records.size() > seen);
        return records.stream().map(ConsumerRecord::value).filter(h -> h.horizonDays() == 1).reduce((a, b) -> b).orElseThrow();
    }
}
