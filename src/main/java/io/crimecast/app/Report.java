package io.crimecast.app;

/** Where the application's progress goes: lasting lines, and a status line that may be redrawn. The CLI prints. */
public interface Report {
    void line(String format, Object... args);

    void update(String format, Object... args);
}
