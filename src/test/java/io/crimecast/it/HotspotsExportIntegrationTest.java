package io.crimecast.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crimecast.cli.CrimecastCli;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;
import io.crimecast.topics.TopicNames;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** `hotspots export` on a real broker: the latest record of the region, layer and horizon asked for, as GeoJSON. */
class HotspotsExportIntegrationTest extends KafkaTestSupport {
    private final Grid grid = new Grid(Regions.load("philadelphia"));

    @Test
    void writesTheLatestHotspotsOfTheKeyAskedForAsGeoJson() throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, Output.Hotspots> producer = new KafkaProducer<>(p, new StringSerializer(),
                new JsonSerde<>(Output.Hotspots.class).serializer())) {
            producer.send(new ProducerRecord<>(TopicNames.DEFAULT.hotspots(), "philadelphia/all/7d", hotspots(LocalDate.of(2021, 3, 1), 14, 20)));
            producer.send(new ProducerRecord<>(TopicNames.DEFAULT.hotspots(), "philadelphia/all/7d", hotspots(LocalDate.of(2021, 3, 8), 20, 13)));
            producer.send(new ProducerRecord<>(TopicNames.DEFAULT.hotspots(), "philadelphia/all/1d", hotspots(LocalDate.of(2021, 3, 9), 7)));
            producer.flush();
        }
        Path out = tmp.resolve("hotspots.geojson");
        int exit = CrimecastCli.commandLine().execute("hotspots", "export", "--region", "philadelphia", "--layer", "all", "--days", "7",
                "--out", out.toString(), "--bootstrap", broker.bootstrapServers());
        assertThat(exit).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(json.get("periodStart").asText()).as("the latest record").isEqualTo("2021-03-08");
        assertThat(json.get("horizonDays").asInt()).isEqualTo(7);
        assertThat(json.get("features")).hasSize(2);
        JsonNode first = json.get("features").get(0);
        assertThat(first.get("properties").get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("properties").get("cell").asInt()).isEqualTo(20);
        JsonNode ring = first.get("geometry").get("coordinates").get(0);
        assertThat(ring).hasSize(5);
        assertThat(ring.get(0)).isEqualTo(ring.get(4));
        assertThat(ring.get(0).get(0).asDouble()).isBetween(-76.0, -74.0);
        assertThat(ring.get(0).get(1).asDouble()).isBetween(39.0, 41.0);

        assertThat(CrimecastCli.commandLine().execute("hotspots", "export", "--region", "philadelphia", "--layer", "burglary",
                "--out", out.toString(), "--bootstrap", broker.bootstrapServers())).as("no such layer's hotspots").isEqualTo(2);
    }

    private Output.Hotspots hotspots(LocalDate start, int... cells) {
        List<Output.RankedCell> ranked = new java.util.ArrayList<>();
        for (int cell : cells) {
            double[] centre = grid.centreLatLon(cell);
            ranked.add(new Output.RankedCell(ranked.size() + 1, cell, grid.cell(cell).row(), grid.cell(cell).col(), centre[0], centre[1],
                    grid.cornersLonLat(cell), 10.0 - ranked.size(), 0.9));
        }
        int horizon = cells.length == 1 ? 1 : 7;
        return new Output.Hotspots("philadelphia", "all", horizon, start, start.plusDays(horizon - 1L), "top 5.0% of cells", cells.length,
                cells.length * 25.0, cells.length * 9.65, "baseline-mean28", Instant.now(), Output.Status.FINAL, ranked);
    }
}
