package io.vigil.incident.incident.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseOutageRetryTest {

    @Test
    void anUnreachableDatabaseIsRecognisedThroughTheListenerWrapping() {
        assertThat(DatabaseOutageRetry.databaseUnreachable(new ListenerExecutionFailedException("failed",
                new CannotCreateTransactionException("no connection",
                        new SQLTransientConnectionException("pool timed out"))))).isTrue();
        assertThat(DatabaseOutageRetry.databaseUnreachable(new ListenerExecutionFailedException("failed",
                new RuntimeException(new SQLException("I/O error", "08006"))))).isTrue();
    }

    @Test
    void otherFailuresKeepTheBoundedRetries() {
        assertThat(DatabaseOutageRetry.databaseUnreachable(new ListenerExecutionFailedException("failed",
                new DataIntegrityViolationException("duplicate", new SQLException("dup", "23505"))))).isFalse();
        assertThat(DatabaseOutageRetry.databaseUnreachable(new IllegalStateException("bug"))).isFalse();
    }
}
