package io.crimecast.grid;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A crime-type layer of a region: the incident categories it counts, exact names without regard to case. A layer
 * without categories counts every incident. An incident counts in every layer it matches.
 */
public record Layer(String name, List<String> categories) {
    /** The default layer, and the one published count models serve: every incident. */
    public static final Layer ALL = new Layer("all", List.of());

    public Layer {
        if (name == null || !name.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new IllegalArgumentException("layers: a name is lower-case letters, digits, '_' or '-', was " + name);
        }
        categories = categories == null ? List.of() : categories.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).distinct().toList();
    }

    public boolean matches(String category) {
        return categories.isEmpty() || category != null && categories.contains(category.trim().toLowerCase(Locale.ROOT));
    }

    /** The layers of {@code layers} that {@code category} counts in. */
    public static List<Layer> matching(List<Layer> layers, String category) {
        return layers.stream().filter(l -> l.matches(category)).toList();
    }

    static List<Layer> checked(List<Layer> layers) {
        if (layers == null || layers.isEmpty()) {
            return List.of(ALL);
        }
        Set<String> names = layers.stream().map(Layer::name).collect(Collectors.toSet());
        if (names.size() != layers.size()) {
            throw new IllegalArgumentException("layers: names must be unique, were " + layers.stream().map(Layer::name).toList());
        }
        return List.copyOf(layers);
    }
}
