package io.crimecast.model;

import io.crimecast.grid.BoundingBox;
import io.crimecast.grid.Grid;
import io.crimecast.grid.HotspotRule;
import io.crimecast.grid.RegionSpec;

import java.time.ZoneId;

/** Small square grids in UTM metres for the hotspot tests. */
public final class HotspotTestGrids {
    private HotspotTestGrids() {
    }

    public static Grid grid(int rows, int cols, HotspotRule rule) {
        RegionSpec spec = new RegionSpec("hotspot-test", "EPSG:32610", new BoundingBox(500_000, 5_000_000, 500_000 + cols * 1000, 5_000_000 + rows * 1000),
                1000, ZoneId.of("America/Los_Angeles"), null, rule, null, null, null, null, null, null, null);
        return new Grid(spec);
    }
}
