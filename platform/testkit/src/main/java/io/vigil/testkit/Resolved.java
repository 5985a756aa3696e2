package io.vigil.testkit;

import java.util.Objects;

/**
 * An endpoint and how to stop what was started for it. Closing is a no-op for endpoints the testkit found
 * rather than started, so callers can close every resolution alike.
 */
record Resolved<E>(E endpoint, AutoCloseable stopper) implements AutoCloseable {

    Resolved {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(stopper, "stopper");
    }

    static <E> Resolved<E> found(E endpoint) {
        return new Resolved<>(endpoint, () -> { });
    }

    static <E> Resolved<E> started(E endpoint, AutoCloseable stopper) {
        return new Resolved<>(endpoint, stopper);
    }

    @Override
    public void close() throws Exception {
        stopper.close();
    }
}
