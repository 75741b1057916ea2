package io.crimecast.model;

import java.util.EnumMap;
import java.util.Map;

/** Which loader reads which kind of bundle. */
public final class BundleLoaders {
    private static final Map<ModelKind, BundleLoader> LOADERS = new EnumMap<>(ModelKind.class);

    static {
        for (ModelKind kind : ModelKind.values()) {
            LOADERS.put(kind, kind.countModel() ? CountBundleLoader::load : SpatioBundle::load);
        }
    }

    private BundleLoaders() {
    }

    public static BundleLoader forKind(ModelKind kind) {
        return LOADERS.get(kind);
    }
}
