package io.crimecast.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The README's first command, end to end with a short replay and one training epoch. */
class DemoCommandTest {

    @Test
    void demoTrainsPublishesServesPrintsHotspotsAndAccuracyAndCleansUp() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = CrimecastCli.commandLine().execute("demo", "--replay-days", "40", "--train-epochs", "1");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        original.println(out);

        assertThat(exit).isZero();
        Matcher published = Pattern.compile("published  (lstm-philadelphia-\\S+) to model-weights").matcher(out);
        assertThat(published.find()).as("a model is trained and published").isTrue();
        String version = published.group(1);
        List<String> hotspotLines = out.lines().filter(l -> l.matches("2021-\\d\\d-\\d\\d  .*")).toList();
        assertThat(hotspotLines).hasSizeGreaterThan(30);
        assertThat(hotspotLines.get(hotspotLines.size() - 1)).contains(version).contains("#");
        assertThat(hotspotLines.get(hotspotLines.size() - 1)).startsWith("2021-12-31");
        assertThat(out).containsPattern("accuracy   served forecasts \\(" + Pattern.quote(version) + "\\).*RMSE \\d+\\.\\d\\d.*28-day mean: RMSE \\d+\\.\\d\\d");
        assertThat(out).contains("/metrics").contains("/health/ready").contains("done");

        Matcher broker = Pattern.compile("on 127\\.0\\.0\\.1:(\\d+)").matcher(out);
        assertThat(broker.find()).isTrue();
        int port = Integer.parseInt(broker.group(1));
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
        }).as("the demo's broker is gone").isInstanceOf(IOException.class);
    }
}
