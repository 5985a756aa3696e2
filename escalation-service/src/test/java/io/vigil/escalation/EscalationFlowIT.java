package io.vigil.escalation;

import static io.vigil.escalation.IncidentEvents.acknowledged;
import static io.vigil.escalation.IncidentEvents.escalated;
import static io.vigil.escalation.IncidentEvents.merged;
import static io.vigil.escalation.IncidentEvents.opened;
import static io.vigil.escalation.IncidentEvents.reopened;
import static io.vigil.escalation.IncidentEvents.resolved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.EscalationExhausted;
import io.vigil.contracts.EscalationLevelSkipped;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.Message;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Topics;
import io.vigil.contracts.Urgency;
import io.vigil.escalation.Pages.Seen;
import io.vigil.escalation.escalation.application.FireDueSteps;
import io.vigil.starter.outbox.Outbox;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.MutableClock;
import io.vigil.testkit.TestTokens;
import io.vigil.testkit.TopicRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Escalations driven by incident events and a clock the test moves: who is paged, when, and when nobody more is. */
@SpringBootTest(classes = EscalationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=escalation-service",
                "vigil.escalation.config-file=classpath:escalation-it.yaml"})
@Import(EscalationFlowIT.ControlledTime.class)
class EscalationFlowIT {

    private static final Infrastructure INFRA = Infrastructure.shared();
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final MutableClock CLOCK = MutableClock.at("2026-06-01T10:00:00Z");
    private static final AtomicLong NUMBERS = new AtomicLong(100);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TopicRecorder requests;
    private static IncidentEvents events;

    @TestConfiguration
    static class ControlledTime {
        @Bean
        Clock clock() {
            return CLOCK;
        }

        /**
         * The service "crashes" once between its first and second page of an incident titled {@link #CRASH}, and
         * once while reporting the first skip of incident number {@link #CRASH_ON_SKIP}: the outbox append throws,
         * as a lost connection or a killed process would end the transaction. Every skip report is remembered as
         * it was appended, rolled back or not.
         */
        @Bean
        static BeanPostProcessor crashOnce() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof Outbox outbox)) {
                        return bean;
                    }
                    AtomicInteger appends = new AtomicInteger();
                    AtomicInteger skipsToCrash = new AtomicInteger();
                    return (Outbox) (topic, envelope) -> {
                        if (envelope.payload() instanceof NotificationRequested page && CRASH.equals(page.title())
                                && appends.incrementAndGet() == 2) {
                            throw new IllegalStateException("crash between the first and the second page");
                        }
                        if (envelope.payload() instanceof EscalationLevelSkipped skip) {
                            SKIPS_APPENDED.add(envelope);
                            if (skip.number() == CRASH_ON_SKIP && skipsToCrash.incrementAndGet() == 1) {
                                throw new IllegalStateException("crash while reporting a skip");
                            }
                        }
                        outbox.append(topic, envelope);
                    };
                }
            };
        }
    }

    private static final String CRASH = "crash after the first page";
    private static final long CRASH_ON_SKIP = 1_000_000;
    private static final ConcurrentLinkedQueue<Envelope<?>> SKIPS_APPENDED = new ConcurrentLinkedQueue<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.springProperties("escalation_flow").forEach((key, value) -> registry.add(key, () -> value));
    }

    /** After the context started: it creates the topics the recorder assigns itself to. */
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

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void threeLevelsWithTwoRepeatsPageInOrderFiveMinutesApartThenExhaust() {
        Instant t0 = CLOCK.instant();
        IncidentOpened incident = open("checkout", Urgency.HIGH);
        awaitPages(incident, 1);
        for (int step = 2; step <= 9; step++) {
            CLOCK.advance(Duration.ofMinutes(5));
            awaitPages(incident, step);
        }
        CLOCK.advance(Duration.ofMinutes(5));
        await().atMost(PATIENCE).until(() -> Pages.exhaustionsOf(requests, incident.incidentId()).size() == 1);

        // Round-robin on team ops (carol, dave) moves with incident number + round.
        String robin1 = incident.number() % 2 == 0 ? "carol" : "dave";
        String robin2 = incident.number() % 2 == 0 ? "dave" : "carol";
        assertThat(Pages.pagesOf(requests, incident.incidentId())).containsExactly(
                new Seen("alice", t0, 1, 1),
                new Seen("bob", t0.plus(Duration.ofMinutes(5)), 2, 1),
                new Seen(robin1, t0.plus(Duration.ofMinutes(10)), 3, 1),
                new Seen("alice", t0.plus(Duration.ofMinutes(15)), 1, 2),
                new Seen("bob", t0.plus(Duration.ofMinutes(20)), 2, 2),
                new Seen(robin2, t0.plus(Duration.ofMinutes(25)), 3, 2),
                new Seen("alice", t0.plus(Duration.ofMinutes(30)), 1, 3),
                new Seen("bob", t0.plus(Duration.ofMinutes(35)), 2, 3),
                new Seen(robin1, t0.plus(Duration.ofMinutes(40)), 3, 3));
        EscalationExhausted exhausted = Pages.exhaustionsOf(requests, incident.incidentId()).getFirst();
        assertThat(exhausted.at()).isEqualTo(t0.plus(Duration.ofMinutes(45)));
        assertThat(exhausted.rounds()).isEqualTo(3);
        assertThat(exhausted.pages()).isEqualTo(9);
        assertThat(exhausted.policyId()).isEqualTo("three-levels");

        NotificationRequested first = (NotificationRequested) Pages.of(requests, incident.incidentId()).getFirst().payload();
        assertThat(first.requestId()).isEqualTo(
                StableIds.of("page", incident.incidentId().toString(), "1", "1", "alice"));
        assertThat(first.user().email()).isEqualTo("alice@example.com");
        assertThat(first.user().timeZone()).isEqualTo("Europe/London");
        assertThat(first.user().slack()).isEqualTo("U1");
        assertThat(first.reason()).isEqualTo("user");
        assertThat(first.title()).isEqualTo(incident.title());
        assertThat(escalation(incident).get("state").asString()).isEqualTo("EXHAUSTED");
        assertThat(pendingSteps(incident)).isZero();

        CLOCK.advance(Duration.ofHours(1));
        sentinel();
        assertThat(Pages.of(requests, incident.incidentId())).hasSize(10);
    }

    @Test
    void acknowledgingInTheMiddleStopsEveryFurtherPage() {
        IncidentOpened incident = open("checkout", Urgency.HIGH);
        awaitPages(incident, 1);
        CLOCK.advance(Duration.ofMinutes(5));
        awaitPages(incident, 2);

        events.send(incident.incidentId(), acknowledged(incident));
        await().atMost(PATIENCE).until(() -> "ACKNOWLEDGED".equals(escalation(incident).get("state").asString()));
        assertThat(pendingSteps(incident)).isZero();

        CLOCK.advance(Duration.ofHours(2));
        sentinel();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> Pages.of(requests, incident.incidentId()).size() == 2);
        assertThat(Pages.pagesOf(requests, incident.incidentId())).extracting(Seen::user).containsExactly("alice", "bob");
    }

    @Test
    void aLevelWithNobodyOnCallIsSkippedAtOnceAndReportedForTheTimeline() {
        Instant t0 = CLOCK.instant();
        IncidentOpened incident = open("skipping", Urgency.HIGH);
        // The clock does not move: erin (level 2) is paged without level 1's ten minutes passing.
        awaitPages(incident, 1);
        assertThat(Pages.pagesOf(requests, incident.incidentId())).containsExactly(new Seen("erin", t0, 2, 1));
        JsonNode log = JSON.readTree(api().get("/v1/escalations/" + incident.incidentId() + "/log").body());
        assertThat(log.get("log").valueStream().map(entry -> entry.get("kind").asString() + "@"
                + entry.get("level").asInt())).containsExactly("STARTED@0", "SKIPPED@1", "PAGED@2");

        // On the topic, keyed by the incident, the skip comes before level 2's page.
        List<Envelope<Message>> published = Pages.of(requests, incident.incidentId());
        assertThat(published).extracting(e -> e.payload().getClass().getSimpleName())
                .containsExactly("EscalationLevelSkipped", "NotificationRequested");
        UUID skipId = StableIds.of("skip", incident.incidentId().toString(), "1", "1", "1");
        assertThat(published.getFirst().eventId()).isEqualTo(skipId);
        assertThat(published.getFirst().payload()).isEqualTo(new EscalationLevelSkipped(skipId,
                incident.incidentId(), incident.number(), "skipping", "skip-first", 1, 1,
                "nobody on call in schedule:nobody", t0));

        CLOCK.advance(Duration.ofMinutes(10));
        await().atMost(PATIENCE).until(() -> Pages.exhaustionsOf(requests, incident.incidentId()).size() == 1);
    }

    @Test
    void aSkipFiredAgainAfterACrashIsReportedOnceWithTheSameId() {
        IncidentOpened incident = opened(UUID.randomUUID(), CRASH_ON_SKIP, "skipping", Urgency.HIGH);
        events.send(incident.incidentId(), incident);
        awaitPages(incident, 1);
        sentinel();

        UUID skipId = StableIds.of("skip", incident.incidentId().toString(), "1", "1", "1");
        // The first attempt derived the skip's id and crashed, its transaction taking the report with it; the step
        // fired again and reported the same skip, once.
        assertThat(SKIPS_APPENDED).filteredOn(e -> e.aggregateId().equals(incident.incidentId().toString()))
                .extracting(Envelope::eventId).containsExactly(skipId, skipId);
        List<Envelope<Message>> published = Pages.of(requests, incident.incidentId());
        assertThat(published).extracting(Envelope::eventId).containsExactly(skipId,
                FireDueSteps.requestId(incident.incidentId(), 1, 2, 1, "erin"));
        assertThat(((EscalationLevelSkipped) published.getFirst().payload()).skipId()).isEqualTo(skipId);
        events.send(incident.incidentId(), resolved(incident));
        await().atMost(PATIENCE).until(() -> pendingSteps(incident) == 0);
    }

    @Test
    void aMergedIncidentStopsEscalatingWhileItsTargetGoesOn() {
        IncidentOpened source = open("checkout", Urgency.HIGH);
        IncidentOpened target = open("checkout", Urgency.HIGH);
        awaitPages(source, 1);
        awaitPages(target, 1);

        Envelope<Message> merge = events.send(source.incidentId(), merged(source, target));
        events.resend(merge);
        await().atMost(PATIENCE).until(() -> "MERGED".equals(escalation(source).get("state").asString()));
        assertThat(pendingSteps(source)).isZero();

        CLOCK.advance(Duration.ofMinutes(5));
        awaitPages(target, 2);
        sentinel();
        assertThat(Pages.pagesOf(requests, source.incidentId())).extracting(Seen::user).containsExactly("alice");
        assertThat(jdbc.queryForObject("select count(*) from escalation_log where incident_id = ? and kind = 'MERGED'",
                Integer.class, source.incidentId())).isEqualTo(1);
        events.send(target.incidentId(), resolved(target));
        await().atMost(PATIENCE).until(() -> pendingSteps(target) == 0);
    }

    @Test
    void aMergeBeforeTheOpeningLeavesATombstoneAndNobodyIsPaged() {
        IncidentOpened incident = opened(UUID.randomUUID(), NUMBERS.incrementAndGet(), "checkout", Urgency.HIGH);
        IncidentOpened target = opened(UUID.randomUUID(), NUMBERS.incrementAndGet(), "checkout", Urgency.HIGH);
        events.send(incident.incidentId(), merged(incident, target));
        await().atMost(PATIENCE).until(() -> "MERGED".equals(escalation(incident).get("state").asString()));
        // IncidentMerged says nothing of severity or urgency; the tombstone does without them.
        assertThat(jdbc.queryForList("select severity, urgency from escalation where incident_id = ?",
                incident.incidentId()).getFirst()).containsEntry("severity", null).containsEntry("urgency", null);

        events.send(incident.incidentId(), incident);
        // The same partition: once the acknowledgement is processed, so is the late opening before it.
        Envelope<Message> ack = events.send(incident.incidentId(), acknowledged(incident));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from inbox where event_id = ?", Integer.class, ack.eventId()) == 1);
        sentinel();
        assertThat(Pages.of(requests, incident.incidentId())).isEmpty();
        assertThat(escalation(incident).get("state").asString()).isEqualTo("MERGED");
        assertThat(pendingSteps(incident)).isZero();
    }

    @Test
    void anAcknowledgementBeforeTheOpeningLeavesATombstoneAndNobodyIsPaged() {
        IncidentOpened incident = opened(UUID.randomUUID(), NUMBERS.incrementAndGet(), "checkout", Urgency.HIGH);
        events.send(incident.incidentId(), acknowledged(incident));
        await().atMost(PATIENCE).until(() -> "ACKNOWLEDGED".equals(escalation(incident).get("state").asString()));

        Envelope<Message> late = events.send(incident.incidentId(), incident);
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from inbox where event_id = ?", Integer.class, late.eventId()) == 1);
        sentinel();
        assertThat(Pages.of(requests, incident.incidentId())).isEmpty();
        assertThat(escalation(incident).get("state").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(pendingSteps(incident)).isZero();
    }

    @Test
    void anEscalationAskedForAfterAnEarlyAcknowledgementPagesWithTheEventsSeverity() {
        IncidentOpened incident = opened(UUID.randomUUID(), NUMBERS.incrementAndGet(), "checkout", Urgency.HIGH);
        events.send(incident.incidentId(), acknowledged(incident));
        await().atMost(PATIENCE).until(() -> "ACKNOWLEDGED".equals(escalation(incident).get("state").asString()));

        events.send(incident.incidentId(), escalated(incident));
        awaitPages(incident, 1);
        NotificationRequested page = (NotificationRequested) Pages.of(requests, incident.incidentId()).getFirst()
                .payload();
        assertThat(page.user().id()).isEqualTo("alice");
        assertThat(page.level()).isEqualTo(1);
        assertThat(page.severity()).isEqualTo(IncidentSeverity.SEV2);
        assertThat(page.urgency()).isEqualTo(Urgency.HIGH);
        assertThat(page.title()).isEqualTo(incident.title());
        events.send(incident.incidentId(), resolved(incident));
        await().atMost(PATIENCE).until(() -> pendingSteps(incident) == 0);
    }

    @Test
    void aRedeliveredOpeningPagesOnce() {
        IncidentOpened incident = opened(UUID.randomUUID(), NUMBERS.incrementAndGet(), "checkout", Urgency.HIGH);
        Envelope<Message> envelope = events.send(incident.incidentId(), incident);
        events.resend(envelope);
        awaitPages(incident, 1);
        sentinel();
        assertThat(Pages.of(requests, incident.incidentId())).hasSize(1);
        events.send(incident.incidentId(), resolved(incident));
    }

    @Test
    void aReopenedIncidentStartsAgainAtLevelOneWithNewRequestIds() {
        IncidentOpened incident = open("checkout", Urgency.HIGH);
        awaitPages(incident, 1);
        events.send(incident.incidentId(), resolved(incident));
        await().atMost(PATIENCE).until(() -> "RESOLVED".equals(escalation(incident).get("state").asString()));

        events.send(incident.incidentId(), reopened(incident));
        awaitPages(incident, 2);
        List<NotificationRequested> pages = Pages.of(requests, incident.incidentId()).stream()
                .map(e -> (NotificationRequested) e.payload()).toList();
        assertThat(pages).extracting(p -> p.user().id() + "/" + p.level() + "/" + p.round())
                .containsExactly("alice/1/1", "alice/1/1");
        assertThat(pages.get(1).requestId()).isNotEqualTo(pages.get(0).requestId());
        JsonNode escalation = escalation(incident);
        assertThat(escalation.get("state").asString()).isEqualTo("ESCALATING");
        assertThat(escalation.get("cycle").asInt()).isEqualTo(2);
        events.send(incident.incidentId(), resolved(incident));
        await().atMost(PATIENCE).until(() -> pendingSteps(incident) == 0);
    }

    @Test
    void anEscalatedIncidentPagesTheNextLevelNow() {
        Instant t0 = CLOCK.instant();
        IncidentOpened incident = open("checkout", Urgency.HIGH);
        awaitPages(incident, 1);
        events.send(incident.incidentId(), escalated(incident));
        awaitPages(incident, 2);
        assertThat(Pages.pagesOf(requests, incident.incidentId()))
                .containsExactly(new Seen("alice", t0, 1, 1), new Seen("bob", t0, 2, 1));
        events.send(incident.incidentId(), resolved(incident));
        await().atMost(PATIENCE).until(() -> pendingSteps(incident) == 0);
    }

    @Test
    void aLowUrgencyIncidentPagesTheFirstLevelOnly() {
        IncidentOpened incident = open("checkout", Urgency.LOW);
        awaitPages(incident, 1);
        await().atMost(PATIENCE).until(() -> "NOTIFIED".equals(escalation(incident).get("state").asString()));
        assertThat(pendingSteps(incident)).isZero();
        CLOCK.advance(Duration.ofHours(1));
        sentinel();
        assertThat(Pages.pagesOf(requests, incident.incidentId())).extracting(Seen::user, Seen::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", 1));
    }

    @Test
    void aCrashBetweenClaimAndPublishFiresTheStepAgainAndPagesEachPersonOnce() {
        double failuresBefore = meters.counter("vigil_escalation_timer_failures").count();
        Instant t0 = CLOCK.instant();
        IncidentOpened incident = new IncidentOpened(UUID.randomUUID(), NUMBERS.incrementAndGet(), CRASH, "pair",
                IncidentSeverity.SEV1, Urgency.HIGH, "v1:crash", UUID.randomUUID(), t0);
        events.send(incident.incidentId(), incident);
        awaitPages(incident, 2);
        sentinel();
        assertThat(Pages.pagesOf(requests, incident.incidentId()))
                .containsExactly(new Seen("alice", t0, 1, 1), new Seen("bob", t0, 1, 1));
        assertThat(meters.counter("vigil_escalation_timer_failures").count()).isEqualTo(failuresBefore + 1);
        events.send(incident.incidentId(), resolved(incident));
        await().atMost(PATIENCE).until(() -> pendingSteps(incident) == 0);
    }

    private IncidentOpened open(String service, Urgency urgency) {
        IncidentOpened incident = opened(UUID.randomUUID(), NUMBERS.incrementAndGet(), service, urgency);
        events.send(incident.incidentId(), incident);
        return incident;
    }

    private void awaitPages(IncidentOpened incident, int count) {
        await().atMost(PATIENCE).until(() -> Pages.pagesOf(requests, incident.incidentId()).size() >= count);
        assertThat(Pages.pagesOf(requests, incident.incidentId())).hasSize(count);
    }

    /**
     * Opens and pages a fresh incident: once its page is on the topic, the poller has run since the clock last
     * moved and the relay has published everything fired before it.
     */
    private void sentinel() {
        IncidentOpened sentinel = open("checkout", Urgency.HIGH);
        awaitPages(sentinel, 1);
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("select count(*) from outbox", Integer.class) == 0);
        events.send(sentinel.incidentId(), resolved(sentinel));
        await().atMost(PATIENCE).until(() -> pendingSteps(sentinel) == 0);
    }

    private JsonNode escalation(IncidentOpened incident) {
        HttpProbe.Response response = api().get("/v1/escalations/" + incident.incidentId());
        if (response.status() != 200) {
            return JSON.readTree("{\"state\":\"NONE\"}");
        }
        return JSON.readTree(response.body());
    }

    private HttpProbe api() {
        return HttpProbe.localhost(port).withToken(TestTokens.ADMIN);
    }

    private int pendingSteps(IncidentOpened incident) {
        return jdbc.queryForObject("select count(*) from escalation_step where incident_id = ? and status = 'PENDING'",
                Integer.class, incident.incidentId());
    }
}
