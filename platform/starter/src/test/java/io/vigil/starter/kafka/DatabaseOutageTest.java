package io.vigil.starter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseOutageTest {

    @Test
    void anUnreachableDatabaseIsRecognisedThroughTheListenerWrapping() {
        assertThat(DatabaseOutage.causedBy(new ListenerExecutionFailedException("failed",
                new CannotCreateTransactionException("no connection",
                        new SQLTransientConnectionException("pool timed out"))))).isTrue();
        assertThat(DatabaseOutage.causedBy(new ListenerExecutionFailedException("failed",
                new RuntimeException(new SQLException("I/O error", "08006"))))).isTrue();
    }

    @Test
    void aRollbackThatFailedAfterTheConnectionBrokeIsRecognised() {
        TransactionSystemException rollbackFailed = new TransactionSystemException("Could not roll back");
        rollbackFailed.initApplicationException(new DataAccessResourceFailureException("I/O error",
                new SQLException("An I/O error occurred while sending to the backend", "08006")));
        assertThat(DatabaseOutage.causedBy(new ListenerExecutionFailedException("failed",
                new BatchListenerFailedException("failed", rollbackFailed, 0)))).isTrue();
        assertThat(DatabaseOutage.causedBy(new BatchListenerFailedException("failed",
                new JpaSystemException(new org.hibernate.TransactionException(
                        "Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))), 0)))
                .isTrue();
        assertThat(DatabaseOutage.causedBy(new TransactionSystemException("Could not commit")))
                .isFalse();
    }

    @Test
    void otherFailuresKeepTheBoundedRetries() {
        assertThat(DatabaseOutage.causedBy(new ListenerExecutionFailedException("failed",
                new DataIntegrityViolationException("duplicate", new SQLException("dup", "23505"))))).isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("bug"))).isFalse();
    }
}
