package io.crimecast.stream;

import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

class StreamAppTest {
    @Test
    void aSourceTopicMissingForAMomentReplacesTheThreadAnythingElseStopsTheApp() {
        assertThat(StreamApp.onStreamThreadFailure(new MissingSourceTopicException("incidents"))).isEqualTo(REPLACE_THREAD);
        assertThat(StreamApp.onStreamThreadFailure(new StreamsException(new MissingSourceTopicException("incidents")))).isEqualTo(REPLACE_THREAD);
        assertThat(StreamApp.onStreamThreadFailure(new IllegalStateException("bug"))).isEqualTo(SHUTDOWN_CLIENT);
    }
}
