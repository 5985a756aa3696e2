package io.vigil.starter.kafka;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure caused by an unreachable Postgres from a failure of the record itself. The first will pass once
 * the database is back, so a consumer holds the record and waits; the second goes through the bounded retries to
 * the dead-letter topic.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** Whether {@code failure}, or anything it was caused by, says the database could not be reached. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
            // The connection broke mid-transaction: the rollback (or commit) failed too, and its failure, which
            // need not carry an SQL state, hides the first one.
            if (cause instanceof org.hibernate.TransactionException) {
                return true;
            }
            if (cause instanceof TransactionSystemException rollbackFailed && rollbackFailed.getApplicationException()
                    != null && causedBy(rollbackFailed.getApplicationException())) {
                return true;
            }
            // Class 08 is connection exceptions, 57P operator intervention (the server shutting down).
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
