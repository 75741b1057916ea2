package io.crimecast.ops;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The topics declared in topics/topics.yaml (bundled in the jar). */
public record TopicCatalog(List<TopicSpec> topics) {

    public record TopicSpec(String name, int partitions, String key, String value, Map<String, String> config) {
    }

    public List<String> names() {
        return topics.stream().map(TopicSpec::name).toList();
    }

    public static TopicCatalog bundled() {
        try (InputStream in = TopicCatalog.class.getResourceAsStream("/topics/topics.yaml")) {
            return new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, TopicCatalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled topics/topics.yaml", e);
        }
    }
}
