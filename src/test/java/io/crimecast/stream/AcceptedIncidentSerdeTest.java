package io.crimecast.stream;

import io.crimecast.incident.AcceptedIncident;
import io.crimecast.topics.JsonSerde;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AcceptedIncidentSerdeTest {
    private final AcceptedIncidentSerde serde = new AcceptedIncidentSerde();
    private final byte[] original = "{\"id\":\"ä-1\",\"occurredAt\":\"2021-03-01T10:00:00Z\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void roundTripsEveryFieldWithAndWithoutACategory() {
        for (String category : new String[]{"Thefts", null}) {
            AcceptedIncident incident = new AcceptedIncident("ä-1", "philadelphia", 36_233, LocalDate.of(2021, 3, 1), 1_614_592_800_000L,
                    category, original);
            AcceptedIncident back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", incident));
            assertThat(back).usingRecursiveComparison().isEqualTo(incident);
        }
    }

    @Test
    void readsTheJsonRecordsAnEarlierVersionWroteSoAnUpgradeLosesNone() {
        AcceptedIncident incident = new AcceptedIncident("7", "portland", 3, LocalDate.of(2016, 3, 1), 1_456_800_000_000L, "BURGLARY", original);
        byte[] asJson = new JsonSerde<>(AcceptedIncident.class).serializer().serialize("t", incident);
        assertThat(serde.deserializer().deserialize("t", asJson)).usingRecursiveComparison().isEqualTo(incident);
    }

    @Test
    void aRecordCutShortIsASerializationError() {
        byte[] bytes = serde.serializer().serialize("t", new AcceptedIncident("7", "portland", 3, LocalDate.of(2016, 3, 1), 0L, null, original));
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[]{9, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown format");
    }
}
