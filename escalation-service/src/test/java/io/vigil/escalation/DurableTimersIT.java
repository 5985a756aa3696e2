package io.vigil.escalation;

import static io.vigil.escalation.IncidentEvents.opened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.EscalationExhausted;
import io.vigil.contracts.Message;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.Topics;
import io.vigil.contracts.Urgency;
import io.vigil.starter.VigilApplication;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.MutableClock;
import io.vigil.testkit.PostgresEndpoint;
import io.vigil.testkit.TopicRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Timers are rows: they survive a restart, and replicas on one database share them so that every step fires once.
 * Each instance is a whole service context started and closed by the test.
 */
class DurableTimersIT {

    private static final Infrastructure INFRA = Infrastructure.shared();
    private static final MutableClock CLOCK = MutableClock.at("2026-06-01T10:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /**
     * A two-level policy for one service only: this class's test group reads incident-events.v1 from its start, and
     * the other tests' incidents (other services) must not escalate here.
     */
    private static final String CONFIG = """
            users:
              - {id: alice, name: Alice, email: alice@example.com, timeZone: Europe/London}
              - {id: bob, name: Bob, email: bob@example.com, timeZone: America/New_York}
            schedules:
              - id: primary
                timeZone: UTC
                layers:
                  - {rotation: weekly, start: 2026-01-05, handoff: "09:00", participants: [bob]}
            policies:
              - id: two-levels
                levels:
                  - {delay: 1m, targets: [{user: alice}]}
                  - {delay: 1m, targets: [{schedule: primary}]}
            services:
              %s: two-levels
            """;

    @Test
    void pendingTimersSurviveARestartAndEachFiresOnce() {
        int incidents = 1000;
        PostgresEndpoint database = INFRA.postgres().createDatabase("escalation_restart");
        String group = "escalation-restart-" + UUID.randomUUID();
        String service = "restart-" + UUID.randomUUID();
        ConfigurableApplicationContext first = start(database, group, service);
        try (TopicRecorder requests = TopicRecorder.record(INFRA.kafka().bootstrapServers(),
                Topics.NOTIFICATION_REQUESTS); IncidentEvents events = new IncidentEvents(
                INFRA.kafka().bootstrapServers(), CLOCK)) {
            Set<String> ids = openBulkIncidents(events, incidents, service);
            awaitRequests(requests, ids, incidents);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await().atMost(PATIENCE).until(() -> pending(jdbc) == incidents);

            first.close();
            CLOCK.advance(Duration.ofMinutes(1));
            ConfigurableApplicationContext second = start(database, group, service);
            try {
                awaitRequests(requests, ids, 2 * incidents);
                CLOCK.advance(Duration.ofMinutes(1));
                await().atMost(PATIENCE).until(() -> exhaustions(requests, ids).size() == incidents);
                assertEveryStepOnce(requests, ids, incidents);
                assertThat(pending(second.getBean(JdbcTemplate.class))).isZero();
            } finally {
                second.close();
            }
        } finally {
            first.close();
        }
    }

    @Test
    void twoInstancesShareTheTimersAndFireEveryStepExactlyOnce() {
        int incidents = 500;
        PostgresEndpoint database = INFRA.postgres().createDatabase("escalation_replicas");
        String group = "escalation-replicas-" + UUID.randomUUID();
        String service = "replicas-" + UUID.randomUUID();
        ConfigurableApplicationContext one = start(database, group, service);
        ConfigurableApplicationContext two = start(database, group, service);
        try (TopicRecorder requests = TopicRecorder.record(INFRA.kafka().bootstrapServers(),
                Topics.NOTIFICATION_REQUESTS); IncidentEvents events = new IncidentEvents(
                INFRA.kafka().bootstrapServers(), CLOCK)) {
            Set<String> ids = openBulkIncidents(events, incidents, service);
            awaitRequests(requests, ids, incidents);
            CLOCK.advance(Duration.ofMinutes(1));
            awaitRequests(requests, ids, 2 * incidents);
            CLOCK.advance(Duration.ofMinutes(1));
            await().atMost(PATIENCE).until(() -> exhaustions(requests, ids).size() == incidents);
            assertEveryStepOnce(requests, ids, incidents);
            // Both replicas together fired each of the 3 steps of every escalation, and no step more.
            assertThat(fired(one) + fired(two)).isEqualTo(3.0 * incidents);
            assertThat(pending(one.getBean(JdbcTemplate.class))).isZero();
        } finally {
            one.close();
            two.close();
        }
    }

    private static ConfigurableApplicationContext start(PostgresEndpoint database, String group, String service) {
        Path config;
        try {
            config = Files.createTempFile("escalation-", ".yaml");
            Files.writeString(config, CONFIG.formatted(service));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.toFile().deleteOnExit();
        List<String> args = new ArrayList<>();
        Infrastructure.springProperties(database, INFRA.redis(), INFRA.kafka())
                .forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--server.port=0");
        args.add("--spring.kafka.consumer.group-id=" + group);
        args.add("--vigil.escalation.config-file=" + config.toUri());
        return VigilApplication.builder(EscalationApplication.class, EscalationApplication.SERVICE_NAME, Map.of())
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean("clock", Clock.class, () -> CLOCK))
                .run(args.toArray(String[]::new));
    }

    private static Set<String> openBulkIncidents(IncidentEvents events, int count, String service) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id.toString());
            events.sendAsync(id, opened(id, i, service, Urgency.HIGH));
        }
        events.flush();
        return ids;
    }

    private static List<Envelope<Message>> ours(TopicRecorder requests, Set<String> ids) {
        return requests.records().stream().filter(r -> ids.contains(r.key())).map(Pages::decode).toList();
    }

    private static void awaitRequests(TopicRecorder requests, Set<String> ids, int count) {
        await().atMost(PATIENCE).until(() -> ours(requests, ids).stream()
                .filter(e -> e.payload() instanceof NotificationRequested).count() >= count);
    }

    private static List<EscalationExhausted> exhaustions(TopicRecorder requests, Set<String> ids) {
        return ours(requests, ids).stream().map(Envelope::payload).filter(EscalationExhausted.class::isInstance)
                .map(EscalationExhausted.class::cast).toList();
    }

    /** Level 1 (alice) and level 2 (bob) of every incident, each once, and one exhaustion per incident. */
    private static void assertEveryStepOnce(TopicRecorder requests, Set<String> ids, int incidents) {
        List<NotificationRequested> pages = ours(requests, ids).stream().map(Envelope::payload)
                .filter(NotificationRequested.class::isInstance).map(NotificationRequested.class::cast).toList();
        assertThat(pages).hasSize(2 * incidents);
        assertThat(pages).extracting(NotificationRequested::requestId).doesNotHaveDuplicates();
        assertThat(pages.stream().map(p -> p.incidentId() + "/" + p.level() + "/" + p.user().id()).distinct().count())
                .isEqualTo(2L * incidents);
        assertThat(pages).allMatch(p -> p.level() == 1 ? p.user().id().equals("alice") : p.user().id().equals("bob"));
        assertThat(exhaustions(requests, ids)).extracting(EscalationExhausted::incidentId).doesNotHaveDuplicates()
                .hasSize(incidents);
    }

    private static int pending(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from escalation_step where status = 'PENDING'", Integer.class);
    }

    private static double fired(ConfigurableApplicationContext context) {
        return context.getBean(MeterRegistry.class).counter("vigil_escalation_steps_fired").count();
    }
}
