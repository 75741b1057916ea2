package io.crimecast.it;

import io.crimecast.cli.CrimecastCli;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every command as a user starts it: {@code java -jar target/crimecast.jar ...} in a child JVM, after {@code package}.
 * One broker process serves the tests that need one, as `crimecast broker` would on a laptop.
 */
class CommandLineIT {
    private static final Duration START = Duration.ofSeconds(90);
    /** A street-level grid under a name no bundled region has: its counts prove the file reached the app. */
    private static final String REGION_FILE = """
            name: phl-street
            crs: EPSG:4326
            bbox: {minX: -75.2803, minY: 39.8670, maxX: -74.9557, maxY: 40.1379}
            cellSizeMeters: 2500
            timeZone: America/New_York
            grace: PT6H
            hotspot: {topPercent: 5}
            """;
    private static final LocalDate FIRST_DAY = PhiladelphiaMonth.FIRST_DAY;
    private static final LocalDate LAST_REPLAYED_DAY = LocalDate.of(2021, 3, 7);
    /** A sentinel on 03-09 closes 03-08 too (no incidents replayed that day: a day of zeros). */
    private static final LocalDate LAST_CLOSED_DAY = LocalDate.of(2021, 3, 8);

    @TempDir
    static Path dir;
    static JarProcess broker;
    static String bootstrap;
    static Path region;
    static Path slice;

    @BeforeAll
    static void startBrokerAndWriteInputs() throws Exception {
        broker = JarProcess.start(dir.resolve("logs"), "broker", "--port", Integer.toString(JarProcess.freeLoopbackPort()), "--data-dir",
                dir.resolve("kafka").toString());
        bootstrap = broker.awaitOutput("listening on (127\\.0\\.0\\.1:\\d+)", START).group(1);
        region = Files.writeString(dir.resolve("phl-street.yaml"), REGION_FILE);
        slice = PhiladelphiaMonth.slice(FIRST_DAY, LAST_REPLAYED_DAY, "2021-03-09 16:00:00+00", dir.resolve("philadelphia-slice.csv"));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        assertThat(broker.terminate(Duration.ofSeconds(60))).as("broker exit code on SIGTERM").isZero();
        assertThat(broker.output()).contains("stopped");
    }

    @Test
    void brokerTopicsRunAndReplayAsAUserRunsThem() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            assertThat(admin.describeCluster().nodes().get()).as("the broker accepts a client").hasSize(1);
        }
        JarProcess.Finished created = JarProcess.run(dir.resolve("logs"), START, "topics", "create", "--bootstrap", bootstrap);
        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(created.output()).contains("created   incidents").contains("created   cell-daily-counts");
        JarProcess.Finished checked = JarProcess.run(dir.resolve("logs"), START, "topics", "create", "--bootstrap", bootstrap);
        assertThat(checked.exitCode()).as(checked.output()).isZero();
        assertThat(checked.output()).contains("ok        incidents").doesNotContain("created");

        Grid grid = new Grid(Regions.load(region.toString()));
        Path stateDir = dir.resolve("state");
        int httpPort = JarProcess.freeLoopbackPort();
        try (JarProcess run = JarProcess.start(dir.resolve("logs"), "run", "--region", region.toString(), "--bootstrap", bootstrap,
                "--state-dir", stateDir.toString(), "--http-port", Integer.toString(httpPort))) {
            Matcher shape = run.awaitOutput("region phl-street: (\\d+) x (\\d+) cells of 2500 m", START);
            assertThat(Integer.parseInt(shape.group(1)) * Integer.parseInt(shape.group(2))).isEqualTo(grid.cellCount());
            run.awaitHttp200("http://127.0.0.1:" + httpPort + "/health/ready", START);

            JarProcess.Finished replay = JarProcess.run(dir.resolve("logs"), START, "replay", "--region", region.toString(),
                    "--format", "philadelphia", slice.toString(), "--bootstrap", bootstrap);
            assertThat(replay.exitCode()).as(replay.output()).isZero();

            Map<String, Integer> expected = PhiladelphiaMonth.independentCount(grid, FIRST_DAY, LAST_CLOSED_DAY, FIRST_DAY, LAST_REPLAYED_DAY);
            List<PhiladelphiaMonth.CountRecord> records = PhiladelphiaMonth.readCounts(bootstrap, new Properties(),
                    r -> PhiladelphiaMonth.latest(r).size() >= expected.size());
            assertThat(records).extracting(PhiladelphiaMonth.CountRecord::region).containsOnly("phl-street");
            Map<String, Integer> counted = PhiladelphiaMonth.latest(records);
            assertThat(counted).isEqualTo(expected);
            assertThat(counted.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(2_000);

            assertThat(run.terminate(Duration.ofSeconds(90))).as("run's exit code on SIGTERM:\n%s", run.output()).isZero();
            assertThat(run.output()).contains("stopping on SIGTERM").contains("stopped").doesNotContain("Exception");
        }
        // A clean close flushes each RocksDB store's memtable (and, in Kafka Streams 4, its changelog offsets) to an SST file.
        try (Stream<Path> stores = Files.walk(stateDir)) {
            List<Path> storeDirs = stores.filter(d -> d.getParent() != null && d.getParent().getFileName().toString().equals("rocksdb")).toList();
            assertThat(storeDirs).as("RocksDB stores in %s", stateDir).isNotEmpty();
            for (Path store : storeDirs) {
                try (Stream<Path> files = Files.list(store)) {
                    assertThat(files.map(f -> f.getFileName().toString())).as("flushed state in %s", store).anyMatch(n -> n.endsWith(".sst"));
                }
            }
        }
    }

    @Test
    void replayToATopicThatDoesNotExistSaysHowToCreateIt() throws Exception {
        JarProcess.Finished replay = JarProcess.run(dir.resolve("logs"), START, "replay", "--region", region.toString(), "--format",
                "philadelphia", slice.toString(), "--bootstrap", bootstrap, "--topic", "no-such-topic");
        assertThat(replay.exitCode()).as(replay.output()).isEqualTo(2);
        assertThat(replay.output()).contains("[no-such-topic] missing on " + bootstrap)
                .contains("crimecast topics create --bootstrap " + bootstrap);
    }

    @Test
    void runWithoutABrokerSaysWhatItWaitsForAndStopsOnSigterm() throws Exception {
        String nobody = "127.0.0.1:" + JarProcess.freeLoopbackPort();
        try (JarProcess run = JarProcess.start(dir.resolve("logs"), "run", "--region", "philadelphia", "--bootstrap", nobody,
                "--state-dir", dir.resolve("state-nobody").toString(), "--http-port", "0")) {
            run.awaitOutput("cannot reach Kafka at " + java.util.regex.Pattern.quote(nobody) + " within 5 s.*Still trying", START);
            assertThat(run.terminate(Duration.ofSeconds(30))).as(run.output()).isZero();
            assertThat(run.output()).contains("stopped on SIGTERM while waiting for Kafka");
        }
    }

    @Test
    void benchMeasuresTheRegionFileItIsGiven() throws Exception {
        JarProcess.Finished bench = JarProcess.run(dir.resolve("logs"), Duration.ofMinutes(3), "bench", "--region", region.toString(),
                "--format", "philadelphia", slice.toString());
        assertThat(bench.exitCode()).as(bench.output()).isZero();
        assertThat(bench.output()).contains("region phl-street: ").contains("cells of 2500 m")
                .containsPattern("topology handled [\\d,]+ incidents at [\\d,]+ events/s").contains("| ceiling (plain consumer, deserialise only) |");
    }

    @Test
    void demoTrainsPublishesServesPrintsHotspotsAndAccuracyAndCleansUp() throws Exception {
        JarProcess.Finished demo = JarProcess.run(dir.resolve("logs"), Duration.ofMinutes(5), "demo", "--replay-days", "40",
                "--train-epochs", "1");
        String out = demo.output();
        assertThat(demo.exitCode()).as(out).isZero();
        Matcher published = Pattern.compile("published  (lstm-philadelphia-\\S+) to model-weights").matcher(out);
        assertThat(published.find()).as("a model is trained and published:\n%s", out).isTrue();
        String version = published.group(1);
        List<String> hotspotLines = out.lines().filter(l -> l.matches("202\\d-\\d\\d-\\d\\d  .*")).toList();
        assertThat(hotspotLines).filteredOn(l -> l.contains(" philadelphia ") && l.contains(version)).hasSizeGreaterThan(30)
                .anySatisfy(l -> assertThat(l).startsWith("2021-12-31").contains("#"));
        // The street-level region: its layers, the next day and the next week, flagged area and cell centres
        assertThat(hotspotLines).filteredOn(l -> l.contains("philadelphia-street") && l.contains(" thefts ")).isNotEmpty()
                .allSatisfy(l -> assertThat(l).containsPattern("\\d\\.\\d\\d km² \\(0\\.\\d{3} sq mi\\): #\\d+ (39|40)\\.\\d{5}, -75\\.\\d{5}"));
        assertThat(hotspotLines).anyMatch(l -> l.contains("philadelphia-street") && l.matches(".* all +7 .*"));
        assertThat(out).containsPattern("accuracy   served forecasts \\(" + Pattern.quote(version)
                + "\\).*RMSE \\d+\\.\\d\\d.*28-day mean: RMSE \\d+\\.\\d\\d");
        assertThat(out).contains("/metrics").contains("/health/ready").contains("done");

        Matcher demoBroker = Pattern.compile("on 127\\.0\\.0\\.1:(\\d+)").matcher(out);
        assertThat(demoBroker.find()).isTrue();
        int port = Integer.parseInt(demoBroker.group(1));
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
        }).as("the demo's broker is gone").isInstanceOf(IOException.class);
    }

    @Test
    void demoKeepRunningServesTheDashboardUntilSigterm() throws Exception {
        try (JarProcess demo = JarProcess.start(dir.resolve("logs-keep"), "demo", "--replay-days", "10", "--train-epochs", "1", "--keep-running")) {
            Matcher dashboard = demo.awaitOutput("(?m)^dashboard  (http://127\\.0\\.0\\.1:\\d+/)$", Duration.ofMinutes(5));
            String url = dashboard.group(1);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<svg id=\"map\"");
            HttpResponse<String> regions = http.send(HttpRequest.newBuilder(URI.create(url + "api/regions")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(regions.body()).contains("\"region\":\"philadelphia\"").contains("\"region\":\"philadelphia-street\"");
            HttpResponse<String> hotspots = http.send(HttpRequest.newBuilder(URI.create(url + "api/regions/philadelphia/hotspots")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(hotspots.statusCode()).as(hotspots.body()).isEqualTo(200);
            assertThat(hotspots.body()).contains("\"periodStart\":\"2021-12-31\"");
            assertThat(demo.terminate(Duration.ofMinutes(1))).as(demo.output()).isZero();
        }
    }

    @Test
    void everyCommandStartsFromTheJarAndPrintsItsHelp() throws Exception {
        for (String command : new CommandLine(new CrimecastCli()).getSubcommands().keySet()) {
            if (command.equals("help")) {
                continue;
            }
            JarProcess.Finished help = JarProcess.run(dir.resolve("logs"), START, command, "--help");
            assertThat(help.exitCode()).as("%s --help:%n%s", command, help.output()).isZero();
            assertThat(help.output()).as("%s --help", command).contains("Usage: crimecast " + command);
        }
    }
}
