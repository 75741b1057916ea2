package io.crimecast.stream;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CellCountsSerdeTest {
    private final CellCountsSerde serde = new CellCountsSerde();

    @Test
    void roundTripsSparseAndDenseDays() {
        Random random = new Random(3);
        for (int[] counts : new int[][]{new int[0], new int[42], {0, 0, 5, 0, 1_000_000}, dense(random, 42), sparse(random, 36_108)}) {
            byte[] bytes = serde.serializer().serialize("t", counts);
            assertThat(serde.deserializer().deserialize("t", bytes)).containsExactly(counts);
        }
        assertThat(serde.serializer().serialize("t", null)).isNull();
    }

    @Test
    void aStreetLevelDayIsSmall() {
        int[] day = sparse(new Random(5), 36_108); // about 400 cells with a count
        assertThat(serde.serializer().serialize("t", day)).hasSizeLessThan(2_000);
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
