package io.vigil.starter.poll;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A thread that claims and processes due rows (escalation steps, deliveries...) every tick of real time.
 * What is due is the subclass's business, decided on the injected clock, so a test's clock can make an
 * hour pass at once. It keeps working while a pass found work, then sleeps a tick; a failing pass is
 * logged and retried on the next tick. Every replica runs one; the rows' {@code SKIP LOCKED} claims share
 * the work between them.
 */
public abstract class PollingWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingWorker.class);

    private final String name;
    private final Duration tick;
    private volatile boolean running;
    private Thread worker;

    protected PollingWorker(String name, Duration tick) {
        this.name = name;
        this.tick = tick;
    }

    /**
     * Claims and processes one batch of due work.
     *
     * @return how many items it processed; 0 when nothing was due
     */
    protected abstract int processDue();

    /** Called when a pass failed; the work stays due and is tried again on the next tick. */
    protected void failed(RuntimeException failure) {
        log.warn("{}: processing due work failed; retrying next tick", name, failure);
    }

    private void run() {
        while (running) {
            try {
                int processed;
                do {
                    processed = processDue();
                } while (processed > 0 && running);
            } catch (RuntimeException e) {
                failed(e);
            }
            LockSupport.parkNanos(tick.toNanos());
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().daemon().name(name).start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            LockSupport.unpark(worker);
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after and stops before the outbox relay, so nothing is processed while its events cannot leave. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
