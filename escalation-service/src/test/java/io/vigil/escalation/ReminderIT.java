package io.vigil.escalation;

import static io.vigil.escalation.IncidentEvents.opened;
import static io.vigil.escalation.IncidentEvents.reopened;
import static io.vigil.escalation.IncidentEvents.resolved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.ReminderDue;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Topics;
import io.vigil.contracts.Urgency;
import io.vigil.escalation.escalation.application.SendReminder;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.MutableClock;
import io.vigil.testkit.TopicRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** incident-core's reminders become notification requests to the named person or to the incident's on-call. */
@SpringBootTest(classes = EscalationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.config.name=escalation-service",
                "vigil.escalation.config-file=classpath:escalation-it.yaml"})
@Import(ReminderIT.ControlledTime.class)
class ReminderIT {

    private static final Infrastructure INFRA = Infrastructure.shared();
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final MutableClock CLOCK = MutableClock.at("2026-06-01T10:00:00Z");
    private static final AtomicLong NUMBERS = new AtomicLong(500);

    private static TopicRecorder requests;
    private static IncidentEvents events;

    @TestConfiguration
    static class ControlledTime {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.springProperties("escalation_reminders").forEach((key, value) -> registry.add(key, () -> value));
    }

    @BeforeEach
    void recordRequests() {
        if (requests == null) {
            requests = TopicRecorder.record(INFRA.kafka().bootstrapServers(), Topics.NOTIFICATION_REQUESTS);
            events = new IncidentEvents(INFRA.kafka().bootstrapServers(), CLOCK);
        }
    }

    @AfterAll
    static void stopRecording() {
        requests.close();
        events.close();
        requests = null;
    }

    @Test
    void aReminderForTheCommanderReachesThemWithItsWords() {
        IncidentOpened incident = openAndAwaitFirstPage("checkout");
        ReminderDue reminder = reminder(incident, "erin", "update-overdue");

        events.send(incident.incidentId(), reminder);

        NotificationRequested request = awaitReminderRequest(incident);
        assertThat(request.requestId()).isEqualTo(StableIds.of("reminder", reminder.reminderId().toString(), "erin"));
        assertThat(request.user().id()).isEqualTo("erin");
        assertThat(request.user().email()).isEqualTo("erin@example.com");
        assertThat(request.reason()).isEqualTo("reminder:update-overdue");
        assertThat(request.note()).isEqualTo(reminder.text());
        assertThat(request.level()).isZero();
        assertThat(request.round()).isZero();
        assertThat(request.severity()).isEqualTo(IncidentSeverity.SEV1);
        assertThat(request.number()).isEqualTo(incident.number());
    }

    @Test
    void aReminderForNobodyOrSomebodyUnknownGoesToWhoeverThePolicyPagesFirstNow() {
        IncidentOpened skipping = openAndAwaitFirstPage("skipping");
        IncidentOpened checkout = openAndAwaitFirstPage("checkout");

        events.send(skipping.incidentId(), reminder(skipping, null, "response-overdue"));
        events.send(checkout.incidentId(), reminder(checkout, "zed", "update-overdue"));

        // skip-first's level 1 is a schedule with nobody on it: level 2's erin is the first paged now.
        assertThat(awaitReminderRequest(skipping).user().id()).isEqualTo("erin");
        assertThat(awaitReminderRequest(checkout).user().id()).isEqualTo("alice");
    }

    @Test
    void aReminderForAResolvedOrUnknownIncidentIsDropped() {
        IncidentOpened resolvedIncident = openAndAwaitFirstPage("checkout");
        events.send(resolvedIncident.incidentId(), resolved(resolvedIncident));
        events.send(resolvedIncident.incidentId(), reminder(resolvedIncident, "erin", "update-overdue"));
        IncidentOpened unknown = opened(UUID.randomUUID(), NUMBERS.incrementAndGet(), "checkout", Urgency.HIGH);
        events.send(unknown.incidentId(), reminder(unknown, "erin", "response-overdue"));

        // Events of one incident are handled in order: once the reopen (or the opening) pages, the reminder before
        // it has been handled.
        events.send(resolvedIncident.incidentId(), reopened(resolvedIncident));
        events.send(unknown.incidentId(), unknown);
        await().atMost(PATIENCE).until(() -> pages(resolvedIncident).size() == 2 && pages(unknown).size() == 1);

        assertThat(pages(resolvedIncident)).extracting(NotificationRequested::reason).doesNotContain(
                "reminder:update-overdue");
        assertThat(pages(unknown)).extracting(NotificationRequested::reason).containsExactly("user");
    }

    private IncidentOpened openAndAwaitFirstPage(String service) {
        IncidentOpened incident = new IncidentOpened(UUID.randomUUID(), NUMBERS.incrementAndGet(), "trouble",
                service, IncidentSeverity.SEV1, Urgency.HIGH, "v1:" + UUID.randomUUID(), UUID.randomUUID(),
                CLOCK.instant());
        events.send(incident.incidentId(), incident);
        await().atMost(PATIENCE).until(() -> !pages(incident).isEmpty());
        return incident;
    }

    private static ReminderDue reminder(IncidentOpened incident, String userId, String kind) {
        Instant due = CLOCK.instant().minusSeconds(60);
        return new ReminderDue(StableIds.of("reminder", incident.incidentId().toString(), kind, due.toString()),
                incident.incidentId(), incident.number(), incident.title(), incident.service(), IncidentSeverity.SEV1,
                kind, userId, "#%d trouble (SEV1): no update in the last 15 min.".formatted(incident.number()), due,
                CLOCK.instant());
    }

    private NotificationRequested awaitReminderRequest(IncidentOpened incident) {
        return await().atMost(PATIENCE).until(() -> pages(incident).stream()
                .filter(request -> request.reason().startsWith("reminder:")).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private static List<NotificationRequested> pages(IncidentOpened incident) {
        return Pages.of(requests, incident.incidentId()).stream().map(envelope -> envelope.payload())
                .filter(NotificationRequested.class::isInstance).map(NotificationRequested.class::cast).toList();
    }
}
