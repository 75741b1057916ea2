package io.crimecast.model;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's native thread pools default to one thread per core. Beside Kafka's threads on a small machine that
 * oversubscribes the cores and OpenMP's spinning threads slow training 30-fold (measured: 36.7 s per epoch with two
 * threads against 1.15 s with one, on 2 cores). One thread is the default unless OMP_NUM_THREADS says otherwise.
 */
public final class NativeThreads {
    private NativeThreads() {
    }

    /** Call before the first DL4J network is built or loaded. */
    public static void limitUnlessConfigured() {
        if (System.getenv("OMP_NUM_THREADS") == null) {
            Nd4j.getEnvironment().setMaxThreads(1);
            Nd4j.getEnvironment().setMaxMasterThreads(1);
        }
    }
}
