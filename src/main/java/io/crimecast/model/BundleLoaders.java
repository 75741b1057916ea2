package io.crimecast.model;

import java.util.EnumMap;
import java.util.Map;

/** Which loader reads which kind of next-day bundle (the per-cell network's is read by {@link ModelBundle#toPeriodForecaster}). */
public final class BundleLoaders {
    private static final Map<ModelKind, BundleLoader> LOADERS = new EnumMap<>(ModelKind.class);

    static {
        for (ModelKind kind : ModelKind.values()) {
            switch (kind.role()) {
                case COUNTS -> LOADERS.put(kind, CountBundleLoader::load);
                case HOTSPOTS -> LOADERS.put(kind, SpatioBundle::load);
                case PERIODS -> { }
            }
        }
    }

    private BundleLoaders() {
    }

    /** The loader, or null for a kind that does not forecast the next day. */
    public static BundleLoader forKind(ModelKind kind) {
        return LOADERS.get(kind);
    }
}
