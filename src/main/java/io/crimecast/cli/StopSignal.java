package io.crimecast.cli;

import sun.misc.Signal;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * SIGTERM (Kubernetes, docker stop) and SIGINT (Ctrl-C) for the long-running commands: the command cleans up on its
 * own thread and exits 0, where the JVM's default would run shutdown hooks and exit 143.
 */
final class StopSignal {
    private StopSignal() {
    }

    /** Completes with the signal's name (TERM or INT) when one arrives; install before starting anything. */
    static CompletableFuture<String> install() {
        CompletableFuture<String> received = new CompletableFuture<>();
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), s -> received.complete(s.getName()));
            } catch (IllegalArgumentException e) {
                // the JVM reserves the signal (e.g. -Xrs): its default handling stays
            }
        }
        return received;
    }
}
