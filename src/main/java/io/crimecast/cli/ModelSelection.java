package io.crimecast.cli;

import io.crimecast.model.ModelKind;

import java.util.Arrays;
import java.util.List;

/** Parses --model / --models: "all" or a comma list of model names. */
final class ModelSelection {
    private ModelSelection() {
    }

    static List<ModelKind> parse(String spec) {
        if (spec.equals("all")) {
            return List.of(ModelKind.values());
        }
        return Arrays.stream(spec.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(ModelKind::fromCli).distinct().toList();
    }
}
