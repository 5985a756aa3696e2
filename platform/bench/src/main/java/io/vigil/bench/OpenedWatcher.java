package io.vigil.bench;

import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts {@code IncidentOpened} on incident-events.v1 from now on, and times each whose alert's send is known
 * (by fingerprint) from that send to the event being read.
 */
final class OpenedWatcher implements AutoCloseable {

    private final AtomicInteger opened = new AtomicInteger();
    private final TopicTail tail;

    /**
     * @param sentAt    when each alert was sent ({@link System#nanoTime()}), by the fingerprint it will open under
     * @param latencies where the times go; {@code null} to only count
     */
    OpenedWatcher(String bootstrap, Map<String, Long> sentAt, LatencyRecorder latencies) {
        tail = new TopicTail(bootstrap, Topics.INCIDENT_EVENTS, (record, message, readAt) -> {
            if (message instanceof IncidentOpened incident) {
                Long sent = sentAt.remove(incident.fingerprint());
                if (sent != null && latencies != null) {
                    latencies.record((readAt - sent) / 1000);
                }
                opened.incrementAndGet();
            }
        });
    }

    /** Waits until {@code expected} incidents have opened since the watcher started, or the timeout passed. */
    void awaitCount(int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (opened.get() < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    @Override
    public void close() throws InterruptedException {
        tail.close();
    }
}
