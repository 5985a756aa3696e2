package io.vigil.escalation.escalation.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.EscalationLevelSkipped;
import io.vigil.contracts.Message;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.StableIds;
import io.vigil.escalation.oncall.application.ConfigDocument;
import io.vigil.escalation.oncall.application.ConfigDocument.LevelSpec;
import io.vigil.escalation.oncall.application.ConfigDocument.PolicySpec;
import io.vigil.escalation.oncall.application.ConfigDocument.ScheduleSpec;
import io.vigil.escalation.oncall.application.ConfigDocument.TargetSpec;
import io.vigil.escalation.oncall.application.ConfigDocument.UserSpec;
import io.vigil.escalation.oncall.application.ConfigStore;
import io.vigil.escalation.oncall.application.CurrentDirectory;
import io.vigil.escalation.oncall.application.StoredConfig;
import io.vigil.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Firing steps against in-memory ports: what is paged, skipped and scheduled, by urgency and configuration. */
class FireDueStepsTest {

    private static final UUID INCIDENT = UUID.fromString("7a4e2b1c-3d5f-4e6a-8b9c-0d1e2f3a4b5c");

    private final MutableClock clock = MutableClock.at("2026-06-01T10:00:00Z");
    private final InMemorySteps steps = new InMemorySteps();
    private final InMemoryEscalations escalations = new InMemoryEscalations();
    private final List<Envelope<?>> outbox = new ArrayList<>();

    /** Level 1 an empty schedule, level 2 alice, level 3 bob; five minutes apart. */
    private FireDueSteps service(String lowUrgency) {
        ConfigDocument document = new ConfigDocument(
                List.of(new UserSpec("alice", "Alice", "alice@example.com", "UTC", null),
                        new UserSpec("bob", "Bob", "bob@example.com", "UTC", null)),
                null,
                List.of(new ScheduleSpec("nobody", "Nobody", "UTC", List.of(), null)),
                List.of(new PolicySpec("p", "P", 0, List.of(
                        new LevelSpec("5m", List.of(new TargetSpec(null, "nobody", null, null))),
                        new LevelSpec("5m", List.of(new TargetSpec("alice", null, null, null))),
                        new LevelSpec("5m", List.of(new TargetSpec("bob", null, null, null)))))),
                Map.of("checkout", "p"), lowUrgency);
        CurrentDirectory directory = new CurrentDirectory(new FixedConfig(document));
        EscalationLog log = new EscalationLog() {
            @Override
            public void record(UUID incidentId, Entry entry) {
            }

            @Override
            public List<Entry> entries(UUID incidentId) {
                return List.of();
            }
        };
        return new FireDueSteps(steps, escalations, log, directory, (topic, envelope) -> outbox.add(envelope), clock);
    }

    private void open(String urgency, int cycle) {
        escalations.startIfAbsent(new Escalation(INCIDENT, "checkout", "SEV2", urgency, Escalation.ESCALATING,
                clock.instant(), 42, "disk full", "p", cycle, 0, 0, 0));
        steps.scheduleFirstPage(INCIDENT, cycle, clock.instant());
    }

    /** Fires until nothing more is due now. */
    private void fire(FireDueSteps service) {
        while (service.fireDue(10).count() > 0) {
            // Each pass may schedule a step that is due at once.
        }
    }

    private List<String> published() {
        return outbox.stream().map(e -> switch ((Message) e.payload()) {
            case NotificationRequested page -> "page " + page.user().id() + " L" + page.level();
            case EscalationLevelSkipped skip -> "skip L" + skip.level() + " " + skip.reason();
            default -> e.type();
        }).toList();
    }

    @Test
    void lowUrgencyPagesTheFirstLevelWithSomeoneOnCallOnceAndStops() {
        FireDueSteps service = service(null);
        open("LOW", 1);
        fire(service);
        clock.advance(Duration.ofHours(1));
        fire(service);
        assertThat(published()).containsExactly("skip L1 nobody on call in schedule:nobody", "page alice L2");
        assertThat(escalations.find(INCIDENT).orElseThrow().state()).isEqualTo(Escalation.NOTIFIED);
        assertThat(steps.pending(INCIDENT)).isEmpty();
    }

    @Test
    void lowUrgencyEscalatesLikeHighWhenConfiguredTo() {
        FireDueSteps service = service("escalate");
        open("LOW", 1);
        fire(service);
        clock.advance(Duration.ofMinutes(5));
        fire(service);
        assertThat(published()).containsExactly("skip L1 nobody on call in schedule:nobody", "page alice L2",
                "page bob L3");
    }

    @Test
    void aStepFiringLongAfterItsDueTimeGivesTheNextStepItsFullDelayFromNow() {
        FireDueSteps service = service(null);
        open("HIGH", 1);
        fire(service);
        assertThat(steps.pending(INCIDENT).getFirst().dueAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));

        // The service was down for 50 minutes: bob's level is 45 minutes overdue when it fires.
        clock.advance(Duration.ofMinutes(50));
        fire(service);

        assertThat(published()).containsExactly("skip L1 nobody on call in schedule:nobody", "page alice L2",
                "page bob L3");
        assertThat(steps.pending(INCIDENT)).singleElement().satisfies(next -> {
            assertThat(next.kind()).isEqualTo(EscalationSteps.Kind.EXHAUST);
            assertThat(next.dueAt()).as("bob gets five minutes from his page, not from the missed schedule")
                    .isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        });
    }

    @Test
    void aSkipOfALaterCycleHasItsOwnIdAndTheSameIdEveryTime() {
        FireDueSteps service = service(null);
        open("HIGH", 2);
        fire(service);
        Envelope<?> skip = outbox.getFirst();
        UUID expected = StableIds.of("skip", INCIDENT.toString(), "2", "1", "1");
        assertThat(skip.eventId()).isEqualTo(expected).isEqualTo(FireDueSteps.skipId(INCIDENT, 2, 1, 1))
                .isNotEqualTo(FireDueSteps.skipId(INCIDENT, 1, 1, 1));
        assertThat(((EscalationLevelSkipped) skip.payload()).skipId()).isEqualTo(expected);
        assertThat(skip.aggregateId()).isEqualTo(INCIDENT.toString());
    }

    private record FixedConfig(ConfigDocument document) implements ConfigStore {
        @Override
        public long version() {
            return 1;
        }

        @Override
        public Optional<StoredConfig> load() {
            return Optional.of(new StoredConfig(document, 1));
        }

        @Override
        public Optional<StoredConfig> loadForUpdate() {
            return load();
        }

        @Override
        public long save(ConfigDocument replacement) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class InMemorySteps implements EscalationSteps {

        private final List<DueStep> pending = new ArrayList<>();
        private long ids;

        @Override
        public void schedule(UUID incidentId, int cycle, Kind kind, int level, int round, Instant dueAt) {
            pending.add(new DueStep(++ids, incidentId, cycle, kind, level, round, dueAt));
        }

        @Override
        public int cancelPending(UUID incidentId) {
            int before = pending.size();
            pending.removeIf(step -> step.incidentId().equals(incidentId));
            return before - pending.size();
        }

        @Override
        public List<DueStep> claimDue(Instant now, int limit) {
            return pending.stream().filter(step -> !step.dueAt().isAfter(now)).limit(limit).toList();
        }

        @Override
        public void markDone(long stepId, Instant firedAt) {
            pending.removeIf(step -> step.id() == stepId);
        }

        @Override
        public List<DueStep> pending(UUID incidentId) {
            return pending.stream().filter(step -> step.incidentId().equals(incidentId)).toList();
        }
    }

    private static final class InMemoryEscalations implements Escalations {

        private final Map<UUID, Escalation> rows = new HashMap<>();

        @Override
        public Optional<Escalation> find(UUID incidentId) {
            return Optional.ofNullable(rows.get(incidentId));
        }

        @Override
        public Optional<Escalation> lock(UUID incidentId) {
            return find(incidentId);
        }

        @Override
        public boolean startIfAbsent(Escalation escalation) {
            return rows.putIfAbsent(escalation.incidentId(), escalation) == null;
        }

        @Override
        public void stop(Escalation tombstone, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(Escalation escalation, Instant at) {
            rows.put(escalation.incidentId(), escalation);
        }
    }
}
