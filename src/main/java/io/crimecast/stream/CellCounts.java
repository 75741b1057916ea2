package io.crimecast.stream;

import java.util.Arrays;
import java.util.Objects;

/**
 * A day's per-cell counts as the state store holds them: the cells with a count, ascending, and their counts. A
 * street-level day has a few hundred counted cells among 36,000, and every incident reads and writes its day: kept
 * dense, each incident cost two passes over every cell of every layer it counts in (JFR: 16% of the stream thread at
 * 500 ft), sparse a few hundred steps.
 *
 * @param cells  the grid's cell count
 * @param ids    the counted cells, ascending (not to be modified)
 * @param counts their counts, all positive (not to be modified)
 */
record CellCounts(int cells, int[] ids, int[] counts) {
    CellCounts {
        if (ids.length != counts.length) {
            throw new IllegalArgumentException("%d cell ids for %d counts".formatted(ids.length, counts.length));
        }
    }

    static CellCounts empty(int cells) {
        return new CellCounts(cells, new int[0], new int[0]);
    }

    static CellCounts of(int[] dense) {
        int counted = 0;
        for (int c : dense) {
            counted += c != 0 ? 1 : 0;
        }
        int[] ids = new int[counted], counts = new int[counted];
        for (int cell = 0, i = 0; cell < dense.length; cell++) {
            if (dense[cell] != 0) {
                ids[i] = cell;
                counts[i++] = dense[cell];
            }
        }
        return new CellCounts(dense.length, ids, counts);
    }

    int[] toDense() {
        int[] dense = new int[cells];
        for (int i = 0; i < ids.length; i++) {
            dense[ids[i]] = counts[i];
        }
        return dense;
    }

    int get(int cell) {
        int i = Arrays.binarySearch(ids, cell);
        return i >= 0 ? counts[i] : 0;
    }

    /** These counts with one more in {@code cell}; an id outside the grid throws before anything changes. */
    CellCounts plusOne(int cell) {
        Objects.checkIndex(cell, cells);
        int i = Arrays.binarySearch(ids, cell);
        if (i >= 0) {
            int[] more = counts.clone();
            more[i]++;
            return new CellCounts(cells, ids, more);
        }
        int at = -i - 1;
        int[] newIds = new int[ids.length + 1], newCounts = new int[ids.length + 1];
        System.arraycopy(ids, 0, newIds, 0, at);
        System.arraycopy(counts, 0, newCounts, 0, at);
        newIds[at] = cell;
        newCounts[at] = 1;
        System.arraycopy(ids, at, newIds, at + 1, ids.length - at);
        System.arraycopy(counts, at, newCounts, at + 1, ids.length - at);
        return new CellCounts(cells, newIds, newCounts);
    }
}
