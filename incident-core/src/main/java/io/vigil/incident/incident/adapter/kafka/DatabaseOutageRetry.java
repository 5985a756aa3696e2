package io.vigil.incident.incident.adapter.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.incident.incident.IncidentProperties;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * While Postgres is unreachable, incident-core's consumers hold their place instead of sending
 * records to the dead-letter topic: a record that failed because the database could not be reached
 * is tried again every {@code vigil.incident.database-retry} until it can, so the partition pauses
 * and resumes where it stopped, losing nothing. Any other failure keeps the platform's bounded
 * retries and dead-lettering. Each wait is counted in {@code vigil_incident_consumer_database_waits_total}.
 *
 * <p>This tunes the platform's {@link DefaultErrorHandler} for this service only; a shared version
 * belongs in the starter.
 */
@Component
class DatabaseOutageRetry implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageRetry.class);

    private final CommonErrorHandler errorHandler;
    private final long intervalMillis;
    private final Counter waits;

    DatabaseOutageRetry(CommonErrorHandler errorHandler, IncidentProperties properties, MeterRegistry meters) {
        this.errorHandler = errorHandler;
        this.intervalMillis = properties.databaseRetry().toMillis();
        this.waits = Counter.builder("vigil_incident_consumer_database_waits")
                .description("Times a consumer held a record because Postgres was unreachable").register(meters);
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (errorHandler instanceof DefaultErrorHandler handler) {
            handler.setBackOffFunction((record, failure) -> databaseUnreachable(failure) ? untilReachable(record)
                    : null);
        } else {
            log.warn("Kafka error handler is {}, not a DefaultErrorHandler: records failing while Postgres is down "
                    + "follow its policy", errorHandler.getClass().getName());
        }
    }

    private BackOff untilReachable(ConsumerRecord<?, ?> record) {
        return () -> new BackOffExecution() {
            @Override
            public long nextBackOff() {
                waits.increment();
                log.warn("Postgres unreachable: holding {}-{} at offset {}, trying again in {} ms", record.topic(),
                        record.partition(), record.offset(), intervalMillis);
                return intervalMillis;
            }
        };
    }

    static boolean databaseUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
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
