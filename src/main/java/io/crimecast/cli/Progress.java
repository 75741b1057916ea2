package io.crimecast.cli;

import io.crimecast.app.Report;

/** Progress on a terminal: an updating line when there is a console, plain lines otherwise. */
final class Progress implements Report {
    private final boolean terminal;
    private long lastUpdate;

    private Progress(boolean terminal) {
        this.terminal = terminal;
    }

    static Progress toTerminal() {
        return new Progress(System.console() != null);
    }

    /** A transient status line: redrawn in place on a terminal, at most twice a second; silent otherwise. */
    @Override
    public synchronized void update(String format, Object... args) {
        long now = System.nanoTime();
        if (terminal && now - lastUpdate > 500_000_000L) {
            lastUpdate = now;
            System.out.print("\r" + String.format(format, args) + "\u001b[K");
            System.out.flush();
        }
    }

    /** A lasting line. */
    @Override
    public synchronized void line(String format, Object... args) {
        if (terminal) {
            System.out.print("\r\u001b[K");
        }
        System.out.println(String.format(format, args));
    }
}
