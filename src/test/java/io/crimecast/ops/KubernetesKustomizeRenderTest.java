package io.crimecast.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the example overlay with {@code kubectl kustomize} (kubectl's built-in Kustomize, no cluster needed)
 * and checks the result. Skipped where kubectl is not installed.
 */
class KubernetesKustomizeRenderTest {

    private static List<JsonNode> rendered;

    @BeforeAll
    static void render() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("kubectl", "kustomize", OpsFiles.K8S.resolve("overlays/example").toString())
                    .redirectErrorStream(false).start();
        } catch (IOException e) {
            Assumptions.abort("kubectl is not installed: " + e.getMessage());
            return;
        }
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("kubectl kustomize: %s", err).isZero();
        rendered = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(out)) {
            while (it.hasNext()) {
                rendered.add(it.next());
            }
        }
    }

    private static List<JsonNode> ofKind(String kind) {
        return rendered.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    @Test
    void everythingLandsInTheOverlaysNamespaceWithThePinnedImage() {
        JsonNode overlay = OpsFiles.yaml(OpsFiles.K8S.resolve("overlays/example/kustomization.yaml"));
        String ns = overlay.path("namespace").asText();
        JsonNode image = overlay.path("images").get(0);
        String expectedImage = image.path("newName").asText() + ":" + image.path("newTag").asText();
        assertThat(rendered).isNotEmpty().allSatisfy(d -> assertThat(d.path("metadata").path("namespace").asText()).isEqualTo(ns));
        assertThat(rendered.stream().filter(d -> d.path("kind").asText().equals("Secret"))).isEmpty();
        JsonNode sts = ofKind("StatefulSet").get(0);
        assertThat(sts.path("spec").path("replicas").asInt()).isEqualTo(overlay.path("replicas").get(0).path("count").asInt());
        assertThat(sts.path("spec").path("template").path("spec").path("containers").get(0).path("image").asText()).isEqualTo(expectedImage);
        ofKind("CronJob").forEach(cj -> assertThat(cj.path("spec").path("jobTemplate").path("spec").path("template").path("spec")
                .path("containers").get(0).path("image").asText()).isEqualTo(expectedImage));
    }

    @Test
    void configMapReferencesFollowTheGeneratedNames() {
        List<String> names = ofKind("ConfigMap").stream().map(c -> c.path("metadata").path("name").asText()).toList();
        assertThat(names).hasSize(2).allSatisfy(n -> assertThat(n).matches("crimecast-(config|files)-[a-z0-9]+"));
        String text = rendered.toString();
        assertThat(text).doesNotContain("\"name\":\"crimecast-config\"").doesNotContain("\"name\":\"crimecast-files\"");
        JsonNode config = ofKind("ConfigMap").stream().filter(c -> c.path("metadata").path("name").asText().startsWith("crimecast-config"))
                .findFirst().orElseThrow();
        // the overlay's merge replaced the placeholder brokers
        assertThat(config.path("data").path(io.crimecast.config.CrimecastConfig.ENV_BOOTSTRAP).asText()).contains("example.com");
    }

    @Test
    void overlayPatchReachedTheVolumeClaimTemplate() {
        JsonNode vct = ofKind("StatefulSet").get(0).path("spec").path("volumeClaimTemplates").get(0);
        Path patch = OpsFiles.K8S.resolve("overlays/example/statefulset-patch.yaml");
        JsonNode expected = OpsFiles.yaml(patch).path("spec").path("volumeClaimTemplates").get(0).path("spec");
        assertThat(vct.path("spec").path("storageClassName")).isEqualTo(expected.path("storageClassName"));
        assertThat(vct.path("spec").path("resources")).isEqualTo(expected.path("resources"));
    }
}
