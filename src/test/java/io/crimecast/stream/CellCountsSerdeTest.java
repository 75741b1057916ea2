package io.crimecast.stream;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CellCountsSerdeTest {
    private final CellCountsSerde serde = new CellCountsSerde();

    @Test
    void roundTripsSparseAndDenseDays() {
        Random random = new Random(3);
        for (int[] counts : new int[][]{new int[0], new int[42], {0, 0, 5, 0, 1_000_000}, dense(random, 42), sparse(random, 36_108)}) {
            byte[] bytes = serde.serializer().serialize("t", CellCounts.of(counts));
            assertThat(serde.deserializer().deserialize("t", bytes).toDense()).containsExactly(counts);
        }
        assertThat(serde.serializer().serialize("t", null)).isNull();
    }

    @Test
    void aStreetLevelDayIsSmall() {
        int[] day = sparse(new Random(5), 36_108); // about 400 cells with a count
        assertThat(serde.serializer().serialize("t", CellCounts.of(day))).hasSizeLessThan(2_000);
    }

    @Test
    void countingOneMoreKeepsTheCellsInOrderAndRefusesACellOffTheGrid() {
        int[] day = sparse(new Random(7), 36_108);
        CellCounts counts = CellCounts.of(day);
        for (int cell : new int[]{0, 36_107, 18_000, 18_000, day.length / 3}) {
            counts = counts.plusOne(cell);
            day[cell]++;
            assertThat(counts.get(cell)).isEqualTo(day[cell]);
        }
        assertThat(counts.toDense()).containsExactly(day);
        assertThat(counts.ids()).isSorted();
        CellCounts before = counts;
        assertThatThrownBy(() -> before.plusOne(36_108)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> before.plusOne(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aStoredDayWithACellOffItsGridIsRefused() {
        byte[] bytes = serde.serializer().serialize("t", new CellCounts(10, new int[]{3, 12}, new int[]{1, 1}));
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes)).isInstanceOf(org.apache.kafka.common.errors.SerializationException.class);
    }

    private static int[] dense(Random random, int cells) {
        int[] c = new int[cells];
        for (int i = 0; i < cells; i++) {
            c[i] = random.nextInt(60);
        }
        return c;
    }

    private static int[] sparse(Random random, int cells) {
        int[] c = new int[cells];
        for (int i = 0; i < 400; i++) {
            c[random.nextInt(cells)] += 1 + random.nextInt(3);
        }
        return c;
    }
}
