package io.crimecast.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlagSetsTest {
    @Test
    void jaccardIsTheSharedCellsOverAllCellsInEitherSetAndOrderDoesNotMatter() {
        assertThat(FlagSets.jaccard(new int[]{3, 1, 2}, new int[]{2, 3, 4})).isEqualTo(0.5); // {2,3} of {1,2,3,4}
        assertThat(FlagSets.jaccard(new int[]{1, 2}, new int[]{2, 1})).isEqualTo(1.0);
        assertThat(FlagSets.jaccard(new int[]{1}, new int[]{})).isZero();
        assertThat(FlagSets.jaccard(new int[]{}, new int[]{})).isEqualTo(1.0);
    }
}
