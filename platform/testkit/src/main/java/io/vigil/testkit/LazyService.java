package io.vigil.testkit;

import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service of an {@link Infrastructure}: resolved on first use, at most once, and stopped on close.
 * Each service has its own lock, so resolving Kafka never waits for Postgres.
 */
final class LazyService<E> {

    private static final Logger log = LoggerFactory.getLogger(LazyService.class);

    private final String name;
    private final Supplier<Resolved<E>> resolver;
    private Resolved<E> resolved;
    private boolean closed;

    LazyService(String name, Supplier<Resolved<E>> resolver) {
        this.name = Objects.requireNonNull(name, "name");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** A failed resolution is not remembered: the next caller tries again, and gets its own error. */
    synchronized E get() {
        if (closed) {
            throw new IllegalStateException(name + " is no longer available: its Infrastructure was closed");
        }
        if (resolved == null) {
            resolved = resolver.get();
        }
        return resolved.endpoint();
    }

    synchronized void close() {
        closed = true;
        if (resolved == null) {
            return;
        }
        try {
            resolved.close();
        } catch (Exception e) {
            log.warn("{} did not stop cleanly", name, e);
        } finally {
            resolved = null;
        }
    }
}
