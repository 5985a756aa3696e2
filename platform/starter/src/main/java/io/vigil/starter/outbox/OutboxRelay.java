package io.vigil.starter.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.starter.VigilPlatformProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox to Kafka in id order, then deletes what Kafka acknowledged.
 *
 * <p>One relay at a time per schema holds a transaction-scoped advisory lock while it publishes, so
 * with many replicas events of one key still leave in the order they were written. A failed or
 * slow send rolls the batch back and it is published again: consumers are idempotent on the event id,
 * so a repeat is harmless while a gap would not be.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long PAUSE_AFTER_FAILURE_MS = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KafkaOperations<String, String> kafka;
    private final VigilPlatformProperties.Outbox settings;
    private final Counter published;
    private final Counter failures;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaOperations<String, String> kafka,
            VigilPlatformProperties.Outbox settings, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.settings = settings;
        this.published = Counter.builder("vigil_outbox_published").description("Events the outbox relay published")
                .register(meters);
        this.failures = Counter.builder("vigil_outbox_publish_failures")
                .description("Relay batches that Kafka did not acknowledge in time").register(meters);
    }

    /** Asks the relay to look at the outbox now instead of at its next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    /**
     * Publishes one batch.
     *
     * @return how many events were published; 0 when the outbox is empty or another relay holds it
     */
    public int publishBatch() {
        Integer count = transactions.execute(status -> {
            Boolean locked = jdbc.queryForObject(
                    "select pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox'))", Boolean.class);
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<PendingEvent> batch = jdbc.query(
                    "select id, topic, message_key, payload from outbox order by id limit ?",
                    (rs, row) -> new PendingEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                    settings.batchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            awaitAcknowledgement(send(batch));
            jdbc.update("delete from outbox where id = any(?)",
                    (Object) batch.stream().map(PendingEvent::id).toArray(Long[]::new));
            return batch.size();
        });
        int done = count == null ? 0 : count;
        published.increment(done);
        return done;
    }

    private List<CompletableFuture<?>> send(List<PendingEvent> batch) {
        List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            sends.add(kafka.send(event.topic(), event.key(), event.payload()));
        }
        return sends;
    }

    private void awaitAcknowledgement(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxPublishException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new OutboxPublishException("Kafka did not acknowledge the outbox batch", e);
        }
    }

    private void loop() {
        while (running) {
            try {
                int published = publishBatch();
                if (published < settings.batchSize()) {
                    wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.increment();
                if (running) {
                    log.warn("Outbox relay could not publish, retrying in {} ms: {}", PAUSE_AFTER_FAILURE_MS,
                            e.getMessage());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            wakeUps.tryAcquire(PAUSE_AFTER_FAILURE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            wakeUp();
            try {
                current.join(settings.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the Kafka producer and the data source close. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }

    private record PendingEvent(long id, String topic, String key, String payload) {
    }

    /** Kafka did not take a batch; it stays in the outbox and is tried again. */
    public static class OutboxPublishException extends RuntimeException {
        OutboxPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
