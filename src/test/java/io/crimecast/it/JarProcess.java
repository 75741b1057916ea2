package io.crimecast.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar target/crimecast.jar ARGS} as a user starts it: a child JVM from the built jar, output to a file.
 * The jar's path comes from the build (failsafe runs after {@code package}).
 */
final class JarProcess implements AutoCloseable {
    private static final Path JAR = Path.of(System.getProperty("crimecast.jar", "target/crimecast.jar"));

    private final List<String> args;
    private final Path output;
    private final Process process;

    private JarProcess(List<String> args, Path output, Process process) {
        this.args = args;
        this.output = output;
        this.process = process;
    }

    /** Starts the command; stdout and stderr both go to {@code logDir/<command>-<n>.log}. */
    static JarProcess start(Path logDir, String... args) {
        return start(logDir, Map.of(), args);
    }

    /** As {@link #start(Path, String...)}, with these environment variables added. */
    static JarProcess start(Path logDir, Map<String, String> env, String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the process tests after `mvn package` (mvn verify does)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(logDir);
            Path output = Files.createTempFile(logDir, args[0] + "-", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            pb.environment().put("OMP_NUM_THREADS", "1");
            pb.environment().putAll(env);
            return new JarProcess(List.of(args), output, pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the command to its end and returns its exit code; fails if it takes longer than {@code limit}. */
    static Finished run(Path logDir, Duration limit, String... args) throws InterruptedException {
        return run(logDir, Map.of(), limit, args);
    }

    /** As {@link #run(Path, Duration, String...)}, with these environment variables added. */
    static Finished run(Path logDir, Map<String, String> env, Duration limit, String... args) throws InterruptedException {
        try (JarProcess p = start(logDir, env, args)) {
            return new Finished(p.awaitExit(limit), p.output());
        }
    }

    record Finished(int exitCode, String output) {
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the output has a match of {@code regex}; fails when the process ends first or time runs out. */
    Matcher awaitOutput(String regex, Duration limit) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex, Pattern.MULTILINE);
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            Matcher m = pattern.matcher(output());
            if (m.find()) {
                return m;
            }
            if (!process.isAlive()) {
                throw new AssertionError(args + " ended (exit " + process.exitValue() + ") before printing /" + regex + "/:\n" + output());
            }
            Thread.sleep(200);
        }
        throw new AssertionError(args + " did not print /" + regex + "/ within " + limit + ":\n" + output());
    }

    /** Waits until {@code url} answers 200 (e.g. /health/ready); fails when the process ends first or time runs out. */
    void awaitHttp200(String url, Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + limit.toNanos();
        int status = -1;
        while (System.nanoTime() < end && process.isAlive()) {
            try {
                status = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(url + " answered " + status + ", not 200:\n" + output());
    }

    static int freeLoopbackPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as Kubernetes and docker stop send it; returns the exit code. */
    int terminate(Duration limit) throws InterruptedException {
        process.destroy();
        return awaitExit(limit);
    }

    /** SIGKILL: no shutdown of any kind, as when a node dies. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(args + " still running after " + limit + ":\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}
