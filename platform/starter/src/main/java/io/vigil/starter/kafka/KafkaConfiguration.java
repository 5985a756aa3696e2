package io.vigil.starter.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.contracts.MalformedMessageException;
import io.vigil.contracts.Topics;
import io.vigil.starter.VigilPlatformProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka as every service uses it: the topics exist, a failing record is retried a few times and
 * then parked on its dead-letter topic so the partition keeps flowing, and health says whether the
 * cluster answers.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

    /** Creates any missing topic and dead-letter topic at start-up; existing topics are left alone. */
    @Bean
    KafkaAdmin.NewTopics vigilTopics(VigilPlatformProperties properties) {
        VigilPlatformProperties.Kafka kafka = properties.kafka();
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, kafka.partitions(), kafka.replicationFactor()));
            topics.add(new NewTopic(Topics.deadLetter(topic), kafka.partitions(), kafka.replicationFactor()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * Retries a failing record {@code retryAttempts} times, then publishes it unchanged (with the
     * failure in its headers) to {@code <topic>.dlq}. A record that cannot be decoded is not retried.
     * Each dead-lettered record counts in {@code vigil_kafka_dead_letters_total{topic}}. A record that failed
     * because Postgres could not be reached is neither: the consumer holds it and
     * tries again every {@code databaseRetry} until the database is back, so the partition pauses and
     * resumes where it stopped, losing nothing; each wait counts in {@code vigil_consumer_database_waits_total}.
     */
    @Bean
    CommonErrorHandler vigilKafkaErrorHandler(KafkaTemplate<String, String> template,
            VigilPlatformProperties properties, ObjectProvider<MeterRegistry> meters) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        VigilPlatformProperties.Kafka kafka = properties.kafka();
        MeterRegistry registry = meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new);
        // One counter per topic from the start, so a dashboard or rule sees zero rather than nothing.
        Map<String, Counter> deadLettered = new ConcurrentHashMap<>();
        for (String topic : Topics.ALL) {
            deadLettered.put(topic, Counter.builder("vigil_kafka_dead_letters")
                    .description("Records sent to the topic's dead-letter companion").tag("topic", topic)
                    .register(registry));
        }
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            deadLetters.accept(record, failure);
            deadLettered.computeIfAbsent(record.topic(), topic -> Counter.builder("vigil_kafka_dead_letters")
                    .description("Records sent to the topic's dead-letter companion").tag("topic", topic)
                    .register(registry)).increment();
        }, new FixedBackOff(kafka.retryInterval().toMillis(), kafka.retryAttempts()));
        handler.addNotRetryableExceptions(MalformedMessageException.class, DeserializationException.class);
        Counter waits = Counter.builder("vigil_consumer_database_waits")
                .description("Times a consumer held a record because Postgres was unreachable")
                .register(registry);
        long interval = kafka.databaseRetry().toMillis();
        handler.setBackOffFunction((record, failure) -> DatabaseOutage.causedBy(failure)
                ? untilReachable(record, interval, waits) : null);
        return handler;
    }

    private static BackOff untilReachable(ConsumerRecord<?, ?> record, long intervalMillis, Counter waits) {
        return () -> () -> {
            waits.increment();
            log.warn("Postgres unreachable: holding {}-{} at offset {}, trying again in {} ms", record.topic(),
                    record.partition(), record.offset(), intervalMillis);
            return intervalMillis;
        };
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafkaProperties, VigilPlatformProperties properties) {
        return new KafkaHealthIndicator(kafkaProperties.buildAdminProperties(), properties.kafka().healthTimeout());
    }
}
