package io.crimecast.model;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Which loader reads which kind. The count kinds are built in; the hotspot classifier registers its own. */
public final class BundleLoaders {
    private static final Map<ModelKind, BundleLoader> LOADERS = new ConcurrentHashMap<>();

    static {
        for (ModelKind kind : ModelKind.values()) {
            if (kind.countModel()) {
                LOADERS.put(kind, CountBundleLoader::load);
            }
        }
    }

    private BundleLoaders() {
    }

    public static void register(ModelKind kind, BundleLoader loader) {
        LOADERS.put(kind, loader);
    }

    public static Optional<BundleLoader> forKind(ModelKind kind) {
        return Optional.ofNullable(LOADERS.get(kind));
    }
}
