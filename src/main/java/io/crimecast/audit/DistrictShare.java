package io.crimecast.audit;

import io.crimecast.grid.Grid;
import io.crimecast.replay.IncidentFileReader.TimedIncident;
import io.crimecast.train.CountMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A district's share of the flagged cell-days beside its share of the period's incidents and of the cells. A cell
 * belongs to the district its centre lies in (a districts file), or to the district most of its incidents name.
 */
public record DistrictShare(String district, int cells, double flaggedShare, double incidentShare, double cellShare) {

    /**
     * @param owner       each cell's district, null for none
     * @param flaggedDays days each cell was flagged
     * @param actual      the period's real incidents per day and cell
     */
    public static List<DistrictShare> of(String[] owner, int[] flaggedDays, int[][] actual) {
        int cells = owner.length;
        int[] incidents = new int[cells];
        for (int[] day : actual) {
            for (int c = 0; c < cells; c++) {
                incidents[c] += day[c];
            }
        }
        double allFlagged = 0;
        double allIncidents = 0;
        int namedCells = 0;
        for (int c = 0; c < cells; c++) {
            allFlagged += flaggedDays[c];
            allIncidents += incidents[c];
            namedCells += owner[c] == null ? 0 : 1;
        }
        List<DistrictShare> shares = new ArrayList<>();
        for (String district : new TreeSet<>(Arrays.stream(owner).filter(Objects::nonNull).toList())) {
            int n = 0;
            double flagged = 0;
            double count = 0;
            for (int c = 0; c < cells; c++) {
                if (district.equals(owner[c])) {
                    n++;
                    flagged += flaggedDays[c];
                    count += incidents[c];
                }
            }
            shares.add(new DistrictShare(district, n, flagged / allFlagged, count / allIncidents, (double) n / namedCells));
        }
        return shares;
    }

    /**
     * Each cell's district by its incidents: the district most of them name (over all the files' days; ties go to the
     * first by name); null for cells no incident names.
     *
     * @param named incidents whose category is their district (read with the district column as the category)
     */
    public static String[] ownersByIncidents(Grid grid, List<TimedIncident> named) {
        Map<String, List<TimedIncident>> byDistrict = named.stream()
                .filter(t -> t.incident().category() != null && !t.incident().category().isBlank())
                .collect(Collectors.groupingBy(t -> t.incident().category(), TreeMap::new, Collectors.toList()));
        int cells = grid.cellCount();
        String[] owner = new String[cells];
        int[] most = new int[cells];
        for (Map.Entry<String, List<TimedIncident>> district : byDistrict.entrySet()) {
            int[] perCell = new int[cells];
            for (int[] day : countsOrNone(grid, district.getValue())) {
                for (int c = 0; c < cells; c++) {
                    perCell[c] += day[c];
                }
            }
            for (int c = 0; c < cells; c++) {
                if (perCell[c] > most[c]) {
                    most[c] = perCell[c];
                    owner[c] = district.getKey();
                }
            }
        }
        return owner;
    }

    /** The district's daily counts, none when no incident of it falls in the region (fromIncidents refuses an empty matrix). */
    private static int[][] countsOrNone(Grid grid, List<TimedIncident> incidents) {
        try {
            return CountMatrix.fromIncidents(grid, incidents).counts();
        } catch (IllegalArgumentException outsideTheRegion) {
            return new int[0][];
        }
    }
}
