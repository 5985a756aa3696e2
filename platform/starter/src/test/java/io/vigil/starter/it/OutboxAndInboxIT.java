package io.vigil.starter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.Topics;
import io.vigil.contracts.Urgency;
import io.vigil.starter.inbox.Inbox;
import io.vigil.starter.outbox.Outbox;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.KraftBroker;
import io.vigil.testkit.TopicRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox and the inbox against real Postgres, with a Kafka broker the test can take away. */
@SpringBootTest(classes = StarterTestApplication.class, properties = {
        "spring.application.name=starter-it", "vigil.service.schema=starter_it"})
class OutboxAndInboxIT {

    private static final KraftBroker BROKER = KraftBroker.temporary().start();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.shared().springProperties("starter").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

    @Autowired
    Outbox outbox;

    @Autowired
    Inbox inbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Test
    void eventsOfOneKeyArePublishedAfterCommitInTheOrderTheyWereWritten() {
        String key = UUID.randomUUID().toString();
        try (TopicRecorder events = TopicRecorder.record(BROKER.bootstrapServers(), Topics.INCIDENT_EVENTS)) {
            List<UUID> written = new ArrayList<>();
            for (int batch = 0; batch < 3; batch++) {
                transactions.executeWithoutResult(status -> {
                    for (int i = 0; i < 4; i++) {
                        Envelope<IncidentOpened> event = event(key);
                        written.add(event.eventId());
                        outbox.append(Topics.INCIDENT_EVENTS, event);
                    }
                });
            }

            events.awaitRecord(record -> record.value().contains(written.getLast().toString()), PATIENCE);
            List<UUID> published = events.records().stream()
                    .filter(record -> key.equals(record.key()))
                    .map(record -> codec.decode(record.value()).eventId())
                    .toList();
            assertThat(published).containsExactlyElementsOf(written);
        }
        assertThat(outboxSize()).isZero();
    }

    @Test
    void eventsOfARolledBackTransactionAreNeverPublished() {
        String rolledBack = UUID.randomUUID().toString();
        String committed = UUID.randomUUID().toString();
        try (TopicRecorder events = TopicRecorder.record(BROKER.bootstrapServers(), Topics.INCIDENT_EVENTS)) {
            transactions.executeWithoutResult(status -> {
                outbox.append(Topics.INCIDENT_EVENTS, event(rolledBack));
                status.setRollbackOnly();
            });
            transactions.executeWithoutResult(status -> outbox.append(Topics.INCIDENT_EVENTS, event(committed)));

            events.awaitRecord(record -> committed.equals(record.key()), PATIENCE);
            assertThat(events.records()).extracting(ConsumerRecord::key).doesNotContain(rolledBack);
        }
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.append(Topics.INCIDENT_EVENTS, event("k")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
    }

    @Test
    void eventsWrittenWhileKafkaIsDownArePublishedWhenItIsBack() {
        String key = UUID.randomUUID().toString();
        BROKER.stop();
        try {
            transactions.executeWithoutResult(status -> outbox.append(Topics.INCIDENT_EVENTS, event(key)));
            assertThat(outboxSize()).isEqualTo(1);
        } finally {
            BROKER.start();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> outboxSize() == 0);
        try (TopicRecorder events = TopicRecorder.recordFromBeginning(BROKER.bootstrapServers(),
                Topics.INCIDENT_EVENTS)) {
            events.awaitRecord(record -> key.equals(record.key()), PATIENCE);
        }
    }

    @Test
    void inboxRecognisesARedeliveryOnlyAfterTheFirstDeliveryCommitted() {
        UUID eventId = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            assertThat(inbox.firstDelivery("it", eventId)).isTrue();
            status.setRollbackOnly();
        });
        assertThat(firstDeliveryCommitted("it", eventId)).isTrue();
        assertThat(firstDeliveryCommitted("it", eventId)).isFalse();
        assertThat(firstDeliveryCommitted("another-consumer", eventId)).isTrue();
    }

    private Boolean firstDeliveryCommitted(String consumer, UUID eventId) {
        return transactions.execute(status -> inbox.firstDelivery(consumer, eventId));
    }

    private int outboxSize() {
        return jdbc.queryForObject("select count(*) from outbox", Integer.class);
    }

    private static Envelope<IncidentOpened> event(String key) {
        UUID incidentId = UUID.randomUUID();
        return Envelope.of(UUID.randomUUID(), key, new IncidentOpened(incidentId, 1, "t", "s", IncidentSeverity.SEV3,
                Urgency.HIGH, "v1:x", UUID.randomUUID(), Instant.now()), Clock.systemUTC(), null);
    }
}
