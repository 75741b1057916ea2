package io.crimecast.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.replay.BundledData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults injected into real processes (broker, app, replay, train all started from the jar): kill -9 of the app
 * while it works through a replay, and again right after a new model is published; a restart on an empty state
 * directory; the broker killed for 30 s; a second instance joining and the first leaving. At the end every cell-day
 * of the month was closed exactly once with exactly the independent count, and the new model serves.
 */
class FaultToleranceIT {
    private static final Duration START = Duration.ofSeconds(150);
    private static final LocalDate SWAP_SERVED_FROM = LocalDate.of(2021, 3, 22);

    @TempDir
    Path dir;
    /** Every process started, killed at the end whatever happened, so a failed run leaves none behind. */
    private final List<JarProcess> started = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() throws InterruptedException {
        for (JarProcess p : started) {
            p.close();
        }
    }

    @Test
    void killsABrokerOutageAndARebalanceLoseNothingAndDoubleNothing() throws Exception {
        int port = JarProcess.freeLoopbackPort();
        String bootstrap = "127.0.0.1:" + port;
        JarProcess broker = startBroker(port);
        assertThat(JarProcess.run(logs(), START, "topics", "create", "--bootstrap", bootstrap).exitCode()).isZero();
        Path first = PhiladelphiaMonth.slice(PhiladelphiaMonth.FIRST_DAY, LocalDate.of(2021, 3, 10), null, dir.resolve("first.csv"));
        Path second = PhiladelphiaMonth.slice(LocalDate.of(2021, 3, 11), LocalDate.of(2021, 3, 20), null, dir.resolve("second.csv"));
        Path third = PhiladelphiaMonth.slice(LocalDate.of(2021, 3, 21), PhiladelphiaMonth.LAST_DAY, "2021-04-01 16:00:00+00",
                dir.resolve("third.csv"));

        JarProcess app = startApp(bootstrap, "a", dir.resolve("state-a"));
        replay(bootstrap, first);
        Thread.sleep(700);
        app.kill(); // mid-replay: days closing, a transaction open
        app = startApp(bootstrap, "a", dir.resolve("state-a"));

        replay(bootstrap, second);
        String version = publishModel(bootstrap);
        app.kill(); // right after a model swap reached the global store
        app = startApp(bootstrap, "a", dir.resolve("state-a-empty")); // restores every store from its changelog

        broker.kill();
        Thread.sleep(30_000);
        broker = startBroker(port);
        assertThat(app.isAlive()).as("the app survives a 30 s broker outage:\n%s", app.output()).isTrue();

        JarProcess other = startApp(bootstrap, "b", dir.resolve("state-b")); // a second instance: tasks rebalance
        replay(bootstrap, third);
        assertThat(app.terminate(Duration.ofSeconds(90))).as(app.output()).isZero(); // the first leaves: all to the second

        Grid grid = new Grid(Regions.load("philadelphia"));
        Map<String, Integer> expected = PhiladelphiaMonth.independentCount(grid, PhiladelphiaMonth.FIRST_DAY, PhiladelphiaMonth.LAST_DAY,
                PhiladelphiaMonth.FIRST_DAY, PhiladelphiaMonth.LAST_DAY);
        List<PhiladelphiaMonth.CountRecord> records = PhiladelphiaMonth.readCounts(bootstrap, new Properties(),
                r -> PhiladelphiaMonth.latest(r).size() >= expected.size());
        assertThat(PhiladelphiaMonth.latest(records)).as("nothing lost, nothing doubled").isEqualTo(expected);
        Map<String, Integer> closes = new HashMap<>();
        records.stream().filter(r -> !r.correction()).forEach(r -> closes.merge(r.key(), 1, Integer::sum));
        assertThat(closes.values()).as("every cell-day closed exactly once").containsOnly(1);
        assertThat(servedVersions(bootstrap)).as("models serving from %s on", SWAP_SERVED_FROM).containsExactly(version);

        assertThat(other.terminate(Duration.ofSeconds(90))).as(other.output()).isZero();
        assertThat(broker.terminate(Duration.ofSeconds(60))).isZero();
    }

    private JarProcess startBroker(int port) throws InterruptedException {
        JarProcess broker = JarProcess.start(logs(), "broker", "--port", Integer.toString(port), "--data-dir", dir.resolve("kafka").toString());
        started.add(broker);
        broker.awaitOutput("listening on", START);
        return broker;
    }

    /** Starts `run` and waits for /health/ready; prints how long that took (after a kill -9, the group's recovery). */
    private JarProcess startApp(String bootstrap, String instance, Path stateDir) throws InterruptedException {
        int httpPort = JarProcess.freeLoopbackPort();
        long t0 = System.nanoTime();
        JarProcess app = JarProcess.start(logs(), Map.of("CRIMECAST_INSTANCE_ID", "crimecast-" + instance), "run", "--region", "philadelphia",
                "--bootstrap", bootstrap, "--state-dir", stateDir.toString(), "--http-port", Integer.toString(httpPort));
        started.add(app);
        app.awaitHttp200("http://127.0.0.1:" + httpPort + "/health/ready", START);
        System.out.printf("instance %s ready after %.1f s (state %s)%n", instance, (System.nanoTime() - t0) / 1e9, stateDir.getFileName());
        return app;
    }

    private void replay(String bootstrap, Path file) throws InterruptedException {
        JarProcess.Finished replay = JarProcess.run(logs(), START, "replay", "--region", "philadelphia", "--format", "philadelphia",
                file.toString(), "--bootstrap", bootstrap);
        assertThat(replay.exitCode()).as(replay.output()).isZero();
    }

    private String publishModel(String bootstrap) throws InterruptedException {
        Path data = BundledData.forRegion("philadelphia").copyTo(dir);
        JarProcess.Finished train = JarProcess.run(logs(), Duration.ofMinutes(5), "train", "--region", "philadelphia", "--model", "lstm",
                "--from", data.toString(), "--format", "philadelphia", "--max-epochs", "1", "--publish", "--force", "--bootstrap", bootstrap);
        assertThat(train.exitCode()).as(train.output()).isZero();
        Matcher published = java.util.regex.Pattern.compile("published (lstm-philadelphia-\\S+) to model-weights").matcher(train.output());
        assertThat(published.find()).as(train.output()).isTrue();
        return published.group(1);
    }

    /** The model versions on the next-day forecasts for days from {@link #SWAP_SERVED_FROM} on. */
    private static Set<String> servedVersions(String bootstrap) {
        Properties p = PhiladelphiaMonth.readCommittedFromTheStart(bootstrap, new Properties());
        ObjectMapper json = new ObjectMapper();
        Set<String> versions = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("forecasts"));
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int emptyPolls = 0;
            while (System.nanoTime() < end && emptyPolls < 4) {
                var polled = consumer.poll(Duration.ofMillis(500));
                emptyPolls = polled.isEmpty() && !versions.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, String> r : polled) {
                    JsonNode v = json.readTree(r.value());
                    if (v.get("horizonDays").asInt() == 1 && !LocalDate.parse(v.get("periodStart").asText()).isBefore(SWAP_SERVED_FROM)) {
                        versions.add(v.get("modelVersion").asText());
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return versions;
    }

    private Path logs() {
        return dir.resolve("logs");
    }
}
