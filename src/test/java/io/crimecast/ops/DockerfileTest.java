package io.crimecast.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crimecast.config.CrimecastConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.crimecast.ops.OpsFiles.DOCKER;
import static io.crimecast.ops.OpsFiles.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

/** docker/Dockerfile, parsed (no Docker engine on the development machines) and checked against the app. */
class DockerfileTest {

    private static final Path DOCKERFILE = DOCKER.resolve("Dockerfile");

    /** One instruction: keyword (upper case) and the rest of the line, continuation lines joined. */
    record Instruction(String keyword, String args, int stage) {
    }

    static List<Instruction> instructions() {
        List<Instruction> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int stage = -1;
        for (String raw : OpsFiles.read(DOCKERFILE).split("\n")) {
            String line = raw.strip();
            if (current.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (!current.isEmpty() && line.startsWith("#")) {
                continue; // comment lines inside a continued instruction are dropped by Docker
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            String text = current.toString().strip();
            current.setLength(0);
            String[] parts = text.split("\\s+", 2);
            String keyword = parts[0].toUpperCase();
            if (keyword.equals("FROM")) {
                stage++;
            }
            out.add(new Instruction(keyword, parts.length > 1 ? parts[1].strip() : "", stage));
        }
        assertThat(current.toString()).as("unterminated continuation at the end of the Dockerfile").isEmpty();
        return out;
    }

    static List<Instruction> all(String keyword) {
        return instructions().stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    static int lastStage() {
        return all("FROM").size() - 1;
    }

    /** An exec-form (JSON array) argument list. */
    static List<String> execForm(Instruction i) throws Exception {
        JsonNode node = new ObjectMapper().readTree(i.args());
        assertThat(node.isArray()).as("%s in exec (JSON array) form: %s", i.keyword(), i.args()).isTrue();
        return OpsFiles.strings(node);
    }

    /** ENV of the runtime stage, both KEY=VALUE (quotes removed) and the legacy KEY VALUE form. */
    static Map<String, String> runtimeEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        Pattern kv = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)");
        for (Instruction i : all("ENV")) {
            if (i.stage() != lastStage()) {
                continue;
            }
            Matcher m = kv.matcher(i.args());
            boolean any = false;
            while (m.find()) {
                any = true;
                String v = m.group(2);
                env.put(m.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1) : v);
            }
            if (!any) {
                String[] p = i.args().split("\\s+", 2);
                env.put(p[0], p[1]);
            }
        }
        return env;
    }

    @Test
    void hasAMavenBuildStageAndAJreRuntimeStage() {
        List<Instruction> froms = all("FROM");
        assertThat(froms).hasSize(2);
        assertThat(froms.get(0).args()).startsWith("maven:3.9-eclipse-temurin-17").containsPattern("(?i)\\sAS\\s+build$");
        assertThat(froms.get(1).args()).isEqualTo("eclipse-temurin:17-jre");
        assertThat(all("RUN")).filteredOn(i -> i.stage() == 0)
                .anySatisfy(i -> assertThat(i.args()).contains("mvn -q -B package -DskipTests"));
    }

    @Test
    void buildStageCopiesOnlyProjectFilesThatExistAndTheIgnoreFileLetsThemThrough() {
        List<String> sources = all("COPY").stream().filter(i -> i.stage() == 0 && !i.args().startsWith("--from"))
                .map(i -> i.args().split("\\s+")[0]).toList();
        assertThat(sources).contains("pom.xml", "src", "topics");
        sources.forEach(s -> assertThat(ROOT.resolve(s)).as("build context path %s", s).exists());
        String ignore = OpsFiles.read(DOCKER.resolve("Dockerfile.dockerignore"));
        sources.forEach(s -> assertThat(ignore).as("Dockerfile.dockerignore re-includes %s", s).contains("!" + s));
    }

    @Test
    void runtimeStageCopiesTheJarItsLibDirectoryAndTheTopicDeclarations() {
        List<String> copies = all("COPY").stream().filter(i -> i.stage() == lastStage()).map(Instruction::args).toList();
        assertThat(copies).anySatisfy(c -> assertThat(c).startsWith("--from=build").contains("target/crimecast.jar"));
        assertThat(copies).anySatisfy(c -> assertThat(c).startsWith("--from=build").contains("target/lib/").contains("./lib/"));
        assertThat(copies).anySatisfy(c -> assertThat(c).startsWith("--from=build").contains("topics/"));
        assertThat(OpsFiles.declaredTopics()).as("topics/topics.yaml, which the image ships").isNotEmpty();
    }

    @Test
    void runsAsANumericNonRootUser() {
        List<Instruction> users = all("USER");
        assertThat(users).isNotEmpty();
        Instruction last = users.get(users.size() - 1);
        assertThat(last.stage()).isEqualTo(lastStage());
        String user = last.args().split(":")[0];
        assertThat(user).as("USER must be numeric so that runAsNonRoot can verify it").matches("[0-9]+");
        assertThat(Integer.parseInt(user)).isNotZero();
        assertThat(uid()).isEqualTo(Integer.parseInt(user));
    }

    /** The runtime UID, also used by the Kubernetes tests. */
    static int uid() {
        List<Instruction> users = all("USER");
        assertThat(users).as("USER in %s", DOCKERFILE).isNotEmpty();
        String user = users.get(users.size() - 1).args().split(":")[0];
        assertThat(user).as("USER in %s must be a numeric UID", DOCKERFILE).matches("[0-9]+");
        return Integer.parseInt(user);
    }

    @Test
    void exposesTheHttpPortTheAppListensOn() {
        List<Instruction> expose = all("EXPOSE");
        assertThat(expose).hasSize(1);
        assertThat(Integer.parseInt(expose.get(0).args().replace("/tcp", ""))).isEqualTo(CrimecastConfig.DEFAULT_HTTP_PORT);
        String envPort = runtimeEnv().get(CrimecastConfig.ENV_HTTP_PORT);
        if (envPort != null) {
            assertThat(Integer.parseInt(envPort)).isEqualTo(CrimecastConfig.DEFAULT_HTTP_PORT);
        }
    }

    @Test
    void theStateDirectoryIsTheVolumeAndOwnedByTheRuntimeUser() throws Exception {
        String stateDir = runtimeEnv().get(CrimecastConfig.ENV_STATE_DIR);
        assertThat(stateDir).isEqualTo("/var/lib/crimecast");
        List<Instruction> volumes = all("VOLUME");
        assertThat(volumes).hasSize(1);
        String v = volumes.get(0).args();
        List<String> paths = v.startsWith("[") ? execForm(volumes.get(0)) : List.of(v.split("\\s+"));
        assertThat(paths).containsExactly(stateDir);
        assertThat(all("RUN")).filteredOn(i -> i.stage() == lastStage())
                .anySatisfy(i -> assertThat(i.args()).contains("mkdir -p " + stateDir).contains("chown " + uid() + ":"));
    }

    @Test
    void environmentNamesAreOnesTheAppReadsAndJavaCppHasAWritableCache() {
        Map<String, String> env = runtimeEnv();
        env.keySet().stream().filter(k -> k.startsWith("CRIMECAST_")).forEach(k -> OpsFiles.assertKnownEnv(k, DOCKERFILE));
        OpsFiles.crimecastWordsIn(DOCKERFILE).forEach(w -> OpsFiles.assertKnownEnv(w, DOCKERFILE));
        String opts = env.get("JAVA_TOOL_OPTIONS");
        assertThat(opts).isNotNull();
        assertThat(OpsFiles.bytes(OpsFiles.jvmOption(opts, "-Xmx"))).isEqualTo(1L << 30);
        // the user has no writable home: the JavaCPP cache must be put somewhere writable
        assertThat(OpsFiles.jvmOption(opts, "-Dorg.bytedeco.javacpp.cachedir=")).startsWith("/tmp/");
    }

    @Test
    void entrypointRunsTheCopiedJarAndTheDefaultCommandIsRun() throws Exception {
        List<Instruction> entry = all("ENTRYPOINT");
        assertThat(entry).hasSize(1);
        List<String> e = execForm(entry.get(0));
        assertThat(e).hasSize(3);
        assertThat(e.subList(0, 2)).containsExactly("java", "-jar");
        String jar = e.get(2);
        assertThat(Path.of(jar).getFileName().toString()).isEqualTo("crimecast.jar");
        String workdir = all("WORKDIR").stream().filter(i -> i.stage() == lastStage()).reduce((a, b) -> b).orElseThrow().args();
        assertThat(Path.of(workdir).resolve("crimecast.jar").toString()).isEqualTo(jar);

        List<Instruction> cmd = all("CMD");
        assertThat(cmd).hasSize(1);
        OpsFiles.Invocation inv = OpsFiles.invocation(execForm(cmd.get(0)), DOCKERFILE);
        assertThat(inv.command()).isEqualTo("run");
    }
}
