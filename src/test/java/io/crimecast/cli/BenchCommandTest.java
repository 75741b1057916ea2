package io.crimecast.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.model.CellNetwork;
import io.crimecast.model.ModelBundle;
import io.crimecast.model.ModelKind;
import io.crimecast.replay.BundledData;
import io.crimecast.replay.ColumnMapping;
import io.crimecast.replay.IncidentFileReader;
import io.crimecast.topics.JsonSerde;
import io.crimecast.train.CellNetworkTrainer;
import io.crimecast.train.CountMatrix;
import io.crimecast.train.TrainSettings;
import io.crimecast.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `bench --quick` through the real command line on a real month of Philadelphia (a local broker in this JVM): every
 * figure is present and positive, in the JSON and in the Markdown table. How fast is never asserted (that is what the
 * figures are for, in the README).
 */
class BenchCommandTest {
    private static final Path MARCH_2021 = Path.of("src/test/resources/data/incidents_2021_03.csv.gz");

    @TempDir
    Path dir;

    @Test
    void quickRunOfTwoRegionCopiesOnAFinerGridAndTwoInstancesWritesEveryFigure() throws Exception {
        CliRun run = CliRun.of("bench", "--quick", "--region", "philadelphia", "--format", "philadelphia", "--cell-size", "2500",
                "--regions", "2", "--instances", "2", "--out", dir.toString(), MARCH_2021.toString());
        assertThat(run.exit()).as(run.err()).isZero();

        JsonNode report = JsonSerde.MAPPER.readTree(dir.resolve("bench.json").toFile());
        JsonNode setup = report.get("setup");
        assertThat(setup.get("region").asText()).isEqualTo("philadelphia");
        assertThat(setup.get("models").asText()).as("no model published: the 28-day mean serves").startsWith("baseline");
        assertThat(setup.get("regions").asInt()).isEqualTo(2);
        assertThat(setup.get("cellSizeMeters").asDouble()).isEqualTo(2500);
        assertThat(setup.get("cells").asInt()).as("finer than the file's 42 cells of 5 km").isGreaterThan(42 * 3);
        assertThat(setup.get("days").asLong()).isEqualTo(BenchCommand.QUICK_DAYS);
        assertThat(setup.get("events").asLong()).isEqualTo(2 * setup.get("incidentsPerRegion").asLong());
        assertThat(setup.get("instances").asInt()).isEqualTo(2);
        assertThat(report.get("daysClosed").asLong()).as("each copy closes its 14 days, the last at the midnight burst, then the days"
                + " of the two midnights around stopping an instance (counted by whichever instance closed them)").isEqualTo(2 * (BenchCommand.QUICK_DAYS + 2));
        assertThat(report.get("weeklyCloses").get("count").asLong()).as("the file's first 16 local days, 28 February to 15 March 2021,"
                + " hold three Sundays").isEqualTo(2 * 3);
        assertThat(report.get("dayCloses").get("count").asLong()).isEqualTo(2 * (BenchCommand.QUICK_DAYS + 2) - 2 * 3);
        assertThat(report.get("failover").get("afterStopSeconds").asDouble()).isPositive();
        assertThat(run.out()).contains("2 instances each own part of the counting", "stopped instance 2 of 2");
        assertThat(report.get("perClose")).extracting(v -> v.get("topic").asText())
                .containsExactly("cell-daily-counts", "forecasts", "hotspots", "changelogs");

        List<String> notPositive = new ArrayList<>();
        numbers("", report, (path, value) -> {
            if (!(value > 0) && !path.startsWith("machine.load")) {
                notPositive.add(path + "=" + value);
            }
        });
        assertThat(notPositive).as("every figure present and positive").isEmpty();
        assertThat(report.get("machine").get("loadAtStart").asDouble()).isGreaterThanOrEqualTo(0);

        assertThat(run.out()).contains("| figure | value |", "| ceiling (plain consumer, deserialise only) |",
                "| topology (exactly-once) |", "| midnight: every region's next-day hotspots committed |",
                "| next midnights: all instances, then right after stopping one |",
                "| weekly closes (Sundays, also the longer periods) |",
                "| changelogs per day closed |", "| footprint | RSS ");
    }

    @Test
    void servesTheModelBundleItIsGiven() throws Exception {
        Grid philadelphia = new Grid(Regions.load("philadelphia"));
        Path bundled = BundledData.forRegion("philadelphia").copyTo(dir);
        CountMatrix counts = CountMatrix.fromIncidents(philadelphia,
                new IncidentFileReader(philadelphia.spec(), ColumnMapping.PHILADELPHIA).read(List.of(bundled)).incidents());
        ModelBundle lstm = Trainer.train(ModelKind.LSTM, counts, TrainSettings.defaults().withHidden(8).withEpochs(1, 1), p -> { })
                .toBundle(philadelphia, "all");
        Path file = Files.write(dir.resolve("lstm.ccmb"), lstm.toBytes());
        ModelBundle cells = CellNetworkTrainer.train(counts, "all", CellNetwork.Settings.defaults().withMaxEpochs(1), Instant.now()).bundle();
        Path cellFile = Files.write(dir.resolve("cell-mlp.ccmb"), cells.toBytes());

        CliRun run = CliRun.of("bench", "--quick", "--region", "philadelphia", "--format", "philadelphia", "--model-bundle", file.toString(),
                "--model-bundle", cellFile.toString(), "--out", dir.toString(), MARCH_2021.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode setup = JsonSerde.MAPPER.readTree(dir.resolve("bench.json").toFile()).get("setup");
        assertThat(setup.get("models").asText().split(",")).as("the next day's model and the longer periods' network, both given")
                .containsExactlyInAnyOrder(lstm.metadata().version(), cells.metadata().version());
        assertThat(run.out()).contains("served by " + String.join(",", new java.util.TreeSet<>(List.of(lstm.metadata().version(),
                cells.metadata().version()))));

        CliRun copies = CliRun.of("bench", "--quick", "--region", "philadelphia", "--format", "philadelphia", "--model-bundle", file.toString(),
                "--regions", "2", MARCH_2021.toString());
        assertThat(copies.exit()).isEqualTo(2);
        assertThat(copies.err()).contains("--model-bundle serves the region as its file grids it: not with --regions or --cell-size");
    }

    private interface NumberVisitor {
        void visit(String path, double value);
    }

    private static void numbers(String path, JsonNode node, NumberVisitor visitor) {
        if (node.isNumber()) {
            visitor.visit(path, node.asDouble());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                numbers(path + "[" + i + "]", node.get(i), visitor);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                numbers(path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue(), visitor);
            }
        }
    }
}
