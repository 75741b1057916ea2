package io.crimecast.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** Validates record values against the JSON schemas in topics/schemas (bundled under /topics/schemas). */
final class TopicSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicSchemas() {
    }

    static Set<ValidationMessage> violations(String schemaFile, byte[] value) {
        try (InputStream in = TopicSchemas.class.getResourceAsStream("/topics/schemas/" + schemaFile)) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            return schema.validate(JSON.readTree(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
