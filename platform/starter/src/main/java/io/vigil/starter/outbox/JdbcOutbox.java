package io.vigil.starter.outbox;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The outbox as a table in the service's own schema. */
class JdbcOutbox implements Outbox {

    private final JdbcTemplate jdbc;
    private final EnvelopeCodec codec;
    private final Clock clock;
    private final OutboxRelay relay;

    JdbcOutbox(JdbcTemplate jdbc, EnvelopeCodec codec, Clock clock, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.clock = clock;
        this.relay = relay;
    }

    @Override
    public void append(String topic, Envelope<?> envelope) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the outbox is written only inside the transaction of the change");
        }
        jdbc.update("insert into outbox (topic, message_key, event_id, payload, created_at) values (?, ?, ?, ?, ?)",
                topic, envelope.aggregateId(), envelope.eventId(), codec.encode(envelope),
                Timestamp.from(clock.instant()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
    }
}
