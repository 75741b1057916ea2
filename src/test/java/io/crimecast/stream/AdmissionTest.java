package io.crimecast.stream;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.incident.AcceptedIncident;
import io.crimecast.incident.RejectReason;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionTest {
    private static final LocalDate FIRST = LocalDate.of(2019, 3, 1);
    private final Grid grid = new Grid(Regions.load("philadelphia"));
    private KeyValueStore<String, Long> seen;
    private Admission admission;

    @BeforeEach
    void store() {
        seen = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("seen"), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        seen.init(new MockProcessorContext<>().getStateStoreContext(), seen);
        admission = new Admission(seen);
    }

    @Test
    void admitsANewIncidentOfAnOpenDayAndRefusesItsSecondCopy() {
        RegionClock clock = RegionClock.startingAt(FIRST, 0, 0);
        AcceptedIncident a = incident("a", FIRST);
        assertThat(admission.refusal(grid, clock, a)).isEmpty();
        admission.remember(grid, a);
        assertThat(admission.refusal(grid, clock, a)).get().extracting(Admission.Refusal::reason).isEqualTo(RejectReason.DUPLICATE);
    }

    @Test
    void refusesUnknownRegionsDaysBeforeTheFirstAndDaysPastRetention() {
        long retentionDays = grid.spec().retention().toDays();
        RegionClock clock = RegionClock.startingAt(FIRST, 0, 0).closed(FIRST.plusDays(retentionDays + 10));
        assertThat(admission.refusal(null, null, incident("x", FIRST))).get()
                .extracting(Admission.Refusal::reason).isEqualTo(RejectReason.UNKNOWN_REGION);
        assertThat(admission.refusal(grid, clock, incident("y", FIRST.minusDays(1)))).get()
                .extracting(Admission.Refusal::reason).isEqualTo(RejectReason.TOO_LATE);
        assertThat(admission.refusal(grid, clock, incident("z", FIRST.plusDays(9)))).get()
                .extracting(Admission.Refusal::reason).isEqualTo(RejectReason.TOO_LATE);
        assertThat(admission.refusal(grid, clock, incident("w", FIRST.plusDays(10)))).as("the oldest correctable day").isEmpty();
    }

    @Test
    void forgetsIdsOnlyOnceTheirDayNoLongerTakesCorrections() {
        AcceptedIncident old = incident("old", FIRST);
        admission.remember(grid, old);
        long retentionDays = grid.spec().retention().toDays();
        admission.forgetAfterClosing(grid, FIRST.plusDays(retentionDays));
        assertThat(seen.get("philadelphia|old")).as("still correctable").isNotNull();
        admission.forgetAfterClosing(grid, FIRST.plusDays(retentionDays + 1));
        assertThat(seen.get("philadelphia|old")).isNull();
    }

    private static AcceptedIncident incident(String id, LocalDate day) {
        long millis = day.atTime(12, 0).atZone(ZoneId.of("America/New_York")).toInstant().toEpochMilli();
        return new AcceptedIncident(id, "philadelphia", 7, day, millis, "Thefts", new byte[0]);
    }
}
