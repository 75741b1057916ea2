package io.crimecast.stream;

import io.crimecast.topics.JsonSerde;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionClockSerdeTest {
    private final RegionClockSerde serde = new RegionClockSerde();

    @Test
    void roundTripsEveryFieldWithAndWithoutAProvisionalForecast() {
        RegionClock fresh = RegionClock.startingAt(LocalDate.of(2021, 3, 1), 1_614_592_800_000L, 1_700_000_000_000L);
        RegionClock provisional = fresh.closed(LocalDate.of(2021, 3, 4))
                .provisional(LocalDate.of(2021, 3, 5), Map.of("all", "baseline-mean28", "bürglary", "lstm-ä-1"))
                .counted(LocalDate.of(2021, 3, 5));
        assertThat(provisional.revised()).isTrue();
        for (RegionClock clock : new RegionClock[]{fresh, provisional}) {
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", clock))).isEqualTo(clock);
        }
    }

    @Test
    void readsTheJsonClocksAnEarlierVersionStoredSoAnUpgradeKeepsEveryRegionsProgress() {
        RegionClock clock = RegionClock.startingAt(LocalDate.of(2016, 3, 1), 5L, 7L).closed(LocalDate.of(2016, 3, 9))
                .provisional(LocalDate.of(2016, 3, 10), Map.of("all", "m"));
        byte[] asJson = new JsonSerde<>(RegionClock.class).serializer().serialize("t", clock);
        assertThat(serde.deserializer().deserialize("t", asJson)).isEqualTo(clock);
    }

    @Test
    void aClockCutShortIsASerializationError() {
        byte[] bytes = serde.serializer().serialize("t", RegionClock.startingAt(LocalDate.of(2016, 3, 1), 5L, 7L)
                .provisional(LocalDate.of(2016, 3, 1), Map.of("all", "m")));
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[]{9, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown format");
    }
}
