package io.crimecast.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.crimecast.topics.JsonSerde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
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
    void quickRunOfTwoRegionCopiesOnAFinerGridWritesEveryFigure() throws Exception {
        CliRun run = CliRun.of("bench", "--quick", "--region", "philadelphia", "--format", "philadelphia", "--cell-size", "2500",
                "--regions", "2", "--out", dir.toString(), MARCH_2021.toString());
        assertThat(run.exit()).as(run.err()).isZero();

        JsonNode report = JsonSerde.MAPPER.readTree(dir.resolve("bench.json").toFile());
        JsonNode setup = report.get("setup");
        assertThat(setup.get("region").asText()).isEqualTo("philadelphia");
        assertThat(setup.get("regions").asInt()).isEqualTo(2);
        assertThat(setup.get("cellSizeMeters").asDouble()).isEqualTo(2500);
        assertThat(setup.get("cells").asInt()).as("finer than the file's 42 cells of 5 km").isGreaterThan(42 * 3);
        assertThat(setup.get("days").asLong()).isEqualTo(BenchCommand.QUICK_DAYS);
        assertThat(setup.get("events").asLong()).isEqualTo(2 * setup.get("incidentsPerRegion").asLong());
        assertThat(report.get("dayCloses").get("count").asLong()).as("each copy closes its 14 days, the last at the midnight burst")
                .isEqualTo(2 * BenchCommand.QUICK_DAYS);
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
                "| changelogs per day closed |", "| footprint | RSS ");
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
