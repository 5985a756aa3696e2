package io.vigil.starter.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.starter.VigilPlatformProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The transactional outbox and the relay that empties it into Kafka. */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            KafkaTemplate<String, String> kafka, VigilPlatformProperties properties, MeterRegistry meters) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), kafka, properties.outbox(), meters);
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, EnvelopeCodec codec, Clock clock, OutboxRelay relay) {
        return new JdbcOutbox(jdbc, codec, clock, relay);
    }
}
