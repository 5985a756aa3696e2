package io.vigil.testkit;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Testcontainers whether a Docker daemon is usable. Any failure, including Testcontainers missing from
 * the classpath, means "no Docker": the caller then starts embedded servers instead.
 */
final class Docker {

    private static final Logger log = LoggerFactory.getLogger(Docker.class);
    /**
     * Without Docker the answer takes well under a second; a DOCKER_HOST pointing at a host that does not
     * answer could otherwise hold every test up for Testcontainers' own, much longer, timeouts.
     */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    private Docker() {
    }

    /** Probes once per JVM; concurrent first callers wait for that one probe. */
    static boolean isAvailable() {
        return Cached.AVAILABLE;
    }

    static boolean probe(Duration timeout) {
        long start = System.nanoTime();
        FutureTask<Boolean> ask = new FutureTask<>(Docker::askTestcontainers);
        Thread asker = new Thread(ask, "vigil-testkit-docker-probe");
        asker.setDaemon(true);
        asker.start();
        boolean available;
        try {
            available = ask.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("No answer from Docker within {}; treating Docker as unavailable", timeout);
            available = false;
        } catch (ExecutionException e) {
            log.debug("Docker probe failed", e.getCause());
            available = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            available = false;
        }
        log.info("Docker {} (checked in {} ms)", available ? "available" : "not available",
                (System.nanoTime() - start) / 1_000_000);
        return available;
    }

    private static boolean askTestcontainers() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (Exception | LinkageError e) {
            log.debug("Docker probe failed", e);
            return false;
        }
    }

    /**
     * Holder class, so the JVM's class initialisation gives the once-only guarantee. It must not contain
     * the code the probe thread runs: that thread would wait for this very initialisation to finish.
     */
    private static final class Cached {
        static final boolean AVAILABLE = probe(PROBE_TIMEOUT);
    }
}
