package io.vigil.starter.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The inbox as a table in the service's own schema, keyed by consumer and event id. */
class JdbcInbox implements Inbox {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcInbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean firstDelivery(String consumer, UUID eventId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the inbox is marked only inside the transaction of the change");
        }
        return jdbc.update("insert into inbox (consumer, event_id, processed_at) values (?, ?, ?) on conflict do nothing",
                consumer, eventId, Timestamp.from(clock.instant())) == 1;
    }
}
