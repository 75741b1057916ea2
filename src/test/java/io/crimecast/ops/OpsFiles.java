package io.crimecast.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.crimecast.cli.CrimecastCli;
import io.crimecast.config.CrimecastConfig;
import io.crimecast.model.ModelKind;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the deployment files (docker/, k8s/) are checked against: the app's own constants and declarations.
 * The development machines have no Docker engine and no cluster, so the tests parse the files instead.
 */
final class OpsFiles {

    static final Path ROOT = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    static final Path DOCKER = ROOT.resolve("docker");
    static final Path K8S = ROOT.resolve("k8s");
    static final Path K8S_BASE = K8S.resolve("base");
    static final Path TOPICS_YAML = ROOT.resolve("topics/topics.yaml");
    static final Path BUNDLED_REGIONS = ROOT.resolve("src/main/resources/regions");

    /** Measured: the streaming JVM with DL4J at -Xmx1g has an RSS of 1.0-1.3 GB. */
    static final long MEASURED_STREAMS_RSS_MAX = 1_300_000_000L;
    /** Measured: JavaCPP physicalBytes up to 1.0 GB on top of the heap. */
    static final long DL4J_NATIVE_MIN = 1L << 30;

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern CRIMECAST_VAR = Pattern.compile("CRIMECAST_[A-Z0-9_]+");

    private OpsFiles() {
    }

    // ---------------------------------------------------------------- YAML

    /** Every non-empty document of a (possibly multi-document) YAML file. */
    static List<JsonNode> yamlDocuments(Path file) {
        assertThat(file).isRegularFile();
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
        return docs;
    }

    static JsonNode yaml(Path file) {
        List<JsonNode> docs = yamlDocuments(file);
        assertThat(docs).as("documents in %s", file).hasSize(1);
        return docs.get(0);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        } else if (array != null && array.isTextual()) {
            out.add(array.asText());
        }
        return out;
    }

    /** All files under a directory (recursively), for text-level checks. */
    static List<Path> filesUnder(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- environment variables

    /** The values of CrimecastConfig's public static final String ENV_* fields (except the CRIMECAST_KAFKA_ prefix). */
    static Set<String> configEnvNames() {
        Set<String> names = new TreeSet<>();
        for (Field f : CrimecastConfig.class.getFields()) {
            int m = f.getModifiers();
            if (f.getName().startsWith("ENV_") && Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
                try {
                    names.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        names.remove(CrimecastConfig.ENV_KAFKA_PREFIX);
        assertThat(names).as("CrimecastConfig ENV_* constants").contains(CrimecastConfig.ENV_BOOTSTRAP, CrimecastConfig.ENV_STATE_DIR);
        return names;
    }

    /** Every Kafka client setting name Kafka Streams accepts (its own, producer, consumer, admin). */
    static Set<String> kafkaConfigNames() {
        Set<String> names = new HashSet<>(StreamsConfig.configDef().names());
        names.addAll(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return names;
    }

    /** The client property a CRIMECAST_KAFKA_* variable becomes, as CrimecastConfig.fromEnvironment maps it. */
    static String kafkaPropertyOf(String envName) {
        CrimecastConfig c = CrimecastConfig.fromEnvironment(Map.of(envName, "x"));
        assertThat(c.clientProperties()).as("client properties from %s", envName).hasSize(1);
        return c.clientProperties().stringPropertyNames().iterator().next();
    }

    /** Why a CRIMECAST_ variable name is not one the app reads, or null if it is. */
    static String unknownEnvReason(String name) {
        if (configEnvNames().contains(name) || name.equals(CrimecastConfig.ENV_KAFKA_PREFIX)) {
            return null;
        }
        if (name.startsWith(CrimecastConfig.ENV_KAFKA_PREFIX)) {
            String property = kafkaPropertyOf(name);
            return kafkaConfigNames().contains(property) ? null : name + " maps to '" + property + "', not a Kafka client setting";
        }
        return name + " is not a CrimecastConfig ENV_* constant (" + configEnvNames() + ")";
    }

    static void assertKnownEnv(String name, Object where) {
        assertThat(unknownEnvReason(name)).as("%s in %s", name, where).isNull();
    }

    /** Every CRIMECAST_* word in a file's text (keys, values, $(...) and ${...} references, comments). */
    static Set<String> crimecastWordsIn(Path file) {
        Set<String> words = new TreeSet<>();
        Matcher m = CRIMECAST_VAR.matcher(read(file));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    // ---------------------------------------------------------------- topics, regions, commands

    static Set<String> declaredTopics() {
        Set<String> names = new TreeSet<>();
        yaml(TOPICS_YAML).path("topics").forEach(t -> names.add(t.path("name").asText()));
        assertThat(names).as("topics in %s", TOPICS_YAML).isNotEmpty();
        return names;
    }

    static Set<String> bundledRegions() {
        try (Stream<Path> s = Files.list(BUNDLED_REGIONS)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> modelChoices() {
        Set<String> s = Arrays.stream(ModelKind.values()).map(ModelKind::cliName).collect(Collectors.toCollection(TreeSet::new));
        s.add("all");
        return s;
    }

    /** A CLI invocation: the (sub)command and its options (flag -> values; switches map to an empty list). */
    record Invocation(String command, Map<String, List<String>> options) {
        List<String> values(String option) {
            return options.getOrDefault(option, List.of());
        }

        String value(String option) {
            List<String> v = values(option);
            assertThat(v).as("%s %s", command, option).hasSize(1);
            return v.get(0);
        }
    }

    /**
     * Parses the arguments given to {@code java -jar crimecast.jar} with the CLI's own command tree: an unknown
     * command or option, or a missing required one, fails the test.
     */
    static Invocation invocation(List<String> args, Object where) {
        assertThat(args).as("arguments in %s", where).isNotEmpty();
        CommandLine.ParseResult leaf;
        try {
            leaf = new CommandLine(new CrimecastCli()).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError("the CLI rejects " + args + " in " + where + ": " + e.getMessage(), e);
        }
        List<String> names = new ArrayList<>();
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
            names.add(leaf.commandSpec().name());
        }
        assertThat(names).as("a command in %s", where).isNotEmpty();
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (CommandLine.Model.OptionSpec o : leaf.matchedOptions()) {
            options.put(o.longestName(), o.arity().max() == 0 ? List.of() : List.copyOf(o.originalStringValues()));
        }
        Invocation inv = new Invocation(String.join(" ", names), options);
        if (inv.command().equals("train")) {
            assertThat(inv.value("--model")).as("train --model in %s", where).isIn(modelChoices());
            assertThat(inv.values("--region")).as("train --region in %s", where).hasSize(1);
        }
        if (!inv.values("--http-port").isEmpty()) {
            assertThat(Integer.parseInt(inv.value("--http-port"))).isPositive();
        }
        return inv;
    }

    // ---------------------------------------------------------------- memory

    /** Bytes of a Kubernetes quantity (1.5Gi, 2Gi, 512Mi, 2G), a JVM size (1g, 1536m) or a compose size (2g). */
    static long bytes(String quantity) {
        Matcher m = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-z]*)").matcher(quantity.trim());
        assertThat(m.matches()).as("memory quantity '%s'", quantity).isTrue();
        double n = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2)) {
            case "" , "b", "B" -> 1L;
            case "Ki", "k", "K", "kb", "KB" -> 1L << 10;
            case "Mi", "m", "M", "mb", "MB" -> 1L << 20;
            case "Gi", "g", "G", "gb", "GB" -> 1L << 30;
            default -> throw new AssertionError("unknown unit in '" + quantity + "'");
        };
        return Math.round(n * unit);
    }

    /** The value of a JVM option (-Xmx1g -> "1g", -Dkey=value -> "value") in JAVA_TOOL_OPTIONS, or null. */
    static String jvmOption(String javaToolOptions, String prefix) {
        for (String token : javaToolOptions.trim().split("\\s+")) {
            if (token.startsWith(prefix)) {
                return token.substring(prefix.length());
            }
        }
        return null;
    }

    /**
     * The memory rules from the measurements: heap plus at least 1 GiB of native memory fits under the limit,
     * JavaCPP's own cap (if set) sits between the heap and the limit, and the request covers the measured RSS.
     */
    static void assertMemoryFits(String javaToolOptions, String limit, String request, Object where) {
        String xmx = jvmOption(javaToolOptions, "-Xmx");
        assertThat(xmx).as("-Xmx in JAVA_TOOL_OPTIONS of %s", where).isNotNull();
        long heap = bytes(xmx);
        long lim = bytes(limit);
        assertThat(lim).as("memory limit of %s vs -Xmx%s + DL4J native memory", where, xmx).isGreaterThanOrEqualTo(heap + DL4J_NATIVE_MIN);
        String cap = jvmOption(javaToolOptions, "-Dorg.bytedeco.javacpp.maxPhysicalBytes=");
        if (cap != null) {
            assertThat(bytes(cap)).as("JavaCPP maxPhysicalBytes of %s", where).isGreaterThan(heap).isLessThan(lim);
        }
        if (request != null) {
            assertThat(bytes(request)).as("memory request of %s", where).isGreaterThanOrEqualTo(MEASURED_STREAMS_RSS_MAX).isLessThanOrEqualTo(lim);
        }
        assertThat(jvmOption(javaToolOptions, "-Dorg.bytedeco.javacpp.cachedir=")).as("JavaCPP cache dir in %s", where).isNotBlank();
    }

    /** True if path equals dir or lies under it. */
    static boolean under(String path, String dir) {
        Path p = Path.of(path).normalize();
        Path d = Path.of(dir).normalize();
        return p.startsWith(d);
    }
}
