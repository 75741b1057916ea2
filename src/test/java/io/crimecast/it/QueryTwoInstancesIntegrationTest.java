package io.crimecast.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.crimecast.app.ServingNode;
import io.crimecast.config.CrimecastConfig;
import io.crimecast.grid.Regions;
import io.crimecast.query.QueryHttp;
import io.crimecast.replay.BundledData;
import io.crimecast.replay.ColumnMapping;
import io.crimecast.replay.IncidentFileReader;
import io.crimecast.replay.IncidentPublisher;
import io.crimecast.stream.QueryableState;
import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;
import io.crimecast.topics.TopicNames;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the app on the real broker, two regions: whichever instance is asked, a region's answers are its
 * owner's (the non-owner forwards, found through the Streams metadata), equal to the hotspots topic's latest record;
 * when an owner stops, the other instance restores the region's query state from its changelog and answers alone.
 */
class QueryTwoInstancesIntegrationTest extends KafkaTestSupport {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final List<String> REGIONS = List.of("philadelphia", "portland");

    @Test
    void eitherInstanceAnswersWithTheOwnersStateAndASurvivorTakesOver() throws Exception {
        try (IncidentPublisher publisher = new IncidentPublisher(new Properties(), broker.bootstrapServers(), TopicNames.DEFAULT.incidents())) {
            for (String region : REGIONS) {
                publisher.publish(region, lastDays(region, 21), 0, n -> { });
            }
        }
        ServingNode first = node("a");
        ServingNode second = node("b");
        try {
            Map<String, Output.Hotspots> latest = awaitLatestHotspots();
            for (String region : REGIONS) {
                String path = "/api/regions/" + region + "/hotspots";
                HttpResponse<String> fromFirst = await(first, path);
                HttpResponse<String> fromSecond = await(second, path);
                assertThat(fromFirst.body()).as(region).isEqualTo(fromSecond.body());
                assertThat(fromFirst.body()).isEqualTo(JsonSerde.MAPPER.writeValueAsString(latest.get(region)));
                String owner = owner(first, region);
                assertThat(owner(second, region)).as("both instances agree on the owner").isEqualTo(owner);
                assertThat(fromFirst.headers().firstValue(QueryHttp.SERVED_BY)).contains(owner);
                assertThat(fromSecond.headers().firstValue(QueryHttp.SERVED_BY)).contains(owner);
                assertThat(List.of(hostPort(first), hostPort(second))).contains(owner);
                ServingNode nonOwner = hostPort(first).equals(owner) ? second : first;
                JsonNode map = JsonSerde.MAPPER.readTree(await(nonOwner, "/api/regions/" + region + "/forecast").body());
                assertThat(map.get("features").size()).as("every cell of %s", region)
                        .isEqualTo(new io.crimecast.grid.Grid(Regions.load(region)).cellCount());
            }
            // The owner of philadelphia stops; the other restores its query state from the changelog.
            ServingNode stopping = owner(first, "philadelphia").equals(hostPort(first)) ? first : second;
            ServingNode survivor = stopping == first ? second : first;
            stopping.close();
            for (String region : REGIONS) {
                HttpResponse<String> after = awaitServedBy(survivor, "/api/regions/" + region + "/hotspots", hostPort(survivor));
                assertThat(after.body()).as(region).isEqualTo(JsonSerde.MAPPER.writeValueAsString(latest.get(region)));
            }
        } finally {
            first.close();
            second.close();
        }
    }

    private static ServingNode node(String name) {
        return new ServingNode(CrimecastConfig.fromEnvironment(Map.of(
                CrimecastConfig.ENV_BOOTSTRAP, broker.bootstrapServers(),
                CrimecastConfig.ENV_REGIONS, String.join(",", REGIONS),
                CrimecastConfig.ENV_STATE_DIR, tmp.resolve("state-" + name).toString(),
                CrimecastConfig.ENV_APPLICATION_ID, "it-query-two",
                CrimecastConfig.ENV_HTTP_PORT, "0")));
    }

    /** The last {@code days} days of a region's bundled real incidents. */
    private static List<IncidentFileReader.TimedIncident> lastDays(String region, int days) {
        BundledData data = BundledData.forRegion(region);
        Path file = data.copyTo(tmp);
        List<IncidentFileReader.TimedIncident> all = new IncidentFileReader(Regions.load(region), ColumnMapping.forFormat(data.format(), null))
                .read(List.of(file)).incidents();
        Instant from = all.get(all.size() - 1).at().minus(Duration.ofDays(days));
        return all.stream().filter(t -> !t.at().isBefore(from)).toList();
    }

    /** Each region's latest next-day hotspots record on the topic, once both have one and the app is idle. */
    private static Map<String, Output.Hotspots> awaitLatestHotspots() {
        Map<String, Output.Hotspots> latest = new HashMap<>();
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, Output.Hotspots>> records = new ArrayList<>();
        try (var consumer = consumer(broker, TopicNames.DEFAULT.hotspots(), new JsonSerde<>(Output.Hotspots.class).deserializer())) {
            assertThat(pollUntil(consumer, records, r -> r.stream().map(x -> x.value().region()).distinct().count() == REGIONS.size()
                    && r.stream().filter(x -> x.value().horizonDays() == 1).count() >= 30, Duration.ofSeconds(120))).isTrue();
            // the replay is all published: read on until five seconds pass without a record
            int seen;
            do {
                seen = records.size();
                pollUntil(consumer, records, r -> false, Duration.ofSeconds(5));
            } while (records.size() > seen);
        }
        records.stream().filter(r -> r.value().horizonDays() == 1).forEach(r -> latest.put(r.value().region(), r.value()));
        return latest;
    }

    private static String owner(ServingNode node, String region) {
        KeyQueryMetadata meta = node.app().streams().queryMetadataForKey(QueryableState.HOTSPOTS, region, Serdes.String().serializer());
        return meta.activeHost().host() + ":" + meta.activeHost().port();
    }

    private static String hostPort(ServingNode node) {
        return URI.create(node.url("/")).getAuthority();
    }

    /** Asks until the answer is a 200 (a rebalance answers 503 meanwhile). */
    private static HttpResponse<String> await(ServingNode node, String path) throws Exception {
        return awaitServedBy(node, path, null);
    }

    private static HttpResponse<String> awaitServedBy(ServingNode node, String path, String servedBy) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        HttpResponse<String> r;
        do {
            r = CLIENT.send(HttpRequest.newBuilder(URI.create(node.url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && (servedBy == null || r.headers().firstValue(QueryHttp.SERVED_BY).orElse("").equals(servedBy))) {
                return r;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < end);
        assertThat(r.statusCode()).as("%s answered %s", path, r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue(QueryHttp.SERVED_BY)).contains(servedBy);
        return r;
    }
}
