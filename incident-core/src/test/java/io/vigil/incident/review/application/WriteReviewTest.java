package io.vigil.incident.review.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.contracts.Actor;
import io.vigil.incident.incident.application.IncidentQuery;
import io.vigil.incident.incident.application.Incidents;
import io.vigil.incident.incident.application.Roles;
import io.vigil.incident.incident.application.Timeline;
import io.vigil.incident.incident.domain.Incident;
import io.vigil.incident.incident.domain.IncidentRole;
import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.review.ReviewProperties;
import io.vigil.incident.review.domain.Review;
import io.vigil.incident.review.domain.ReviewState;
import io.vigil.incident.review.domain.TimelineLine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WriteReviewTest {

    private static final Instant OPENED = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant RESOLVED = OPENED.plus(Duration.ofMinutes(30));
    private static final Actor ALICE = new Actor("user", "alice", "rest");

    private final FakeIncidents incidents = new FakeIncidents();
    private final FakeReviews reviews = new FakeReviews();
    private final Map<UUID, List<Timeline.Entry>> lines = new HashMap<>();
    private final Map<UUID, List<Roles.Assignment>> roles = new HashMap<>();
    private final WriteReview writeReview = new WriteReview(incidents, timeline(), roles(), reviews,
            new ReviewProperties(EnumSet.of(Severity.SEV1, Severity.SEV2), Set.of(), ZoneId.of("UTC"),
                    Duration.ofMinutes(1), 100), Clock.fixed(RESOLVED.plusSeconds(5), ZoneOffset.UTC));

    @Test
    void aResolvedSev2GetsADraftTellingItsTimelineByRole() {
        Incident incident = resolved(Severity.SEV2);
        roles.put(incident.id(), List.of(new Roles.Assignment(IncidentRole.INCIDENT_COMMANDER, "alice", OPENED, ALICE)));
        lines.put(incident.id(), List.of(new Timeline.Entry(OPENED.plusSeconds(60), "acknowledged",
                "Acknowledged by alice (user via rest)", ALICE)));

        Optional<WriteReview.Written> written = writeReview.afterResolution(incident.id(), Severity.SEV2, RESOLVED);

        assertThat(written).hasValueSatisfying(result -> {
            assertThat(result.created()).isTrue();
            assertThat(result.review().state()).isEqualTo(ReviewState.DRAFT);
            assertThat(result.review().impact().duration()).isEqualTo(Duration.ofMinutes(30));
            assertThat(result.review().timeline()).containsExactly(new TimelineLine(OPENED.plusSeconds(60),
                    "acknowledged", "Acknowledged by the incident commander", "incident commander"));
        });
        assertThat(reviews.stored).hasSize(1);
    }

    @Test
    void severitiesNotConfiguredGetNoReviewUnlessAsked() {
        Incident incident = resolved(Severity.SEV4);

        assertThat(writeReview.afterResolution(incident.id(), Severity.SEV4, RESOLVED)).isEmpty();
        assertThat(reviews.stored).isEmpty();
        assertThat(writeReview.onDemand(incident.id()).created()).isTrue();
        assertThat(reviews.stored).hasSize(1);
    }

    @Test
    void aReplayedResolutionKeepsTheOneReview() {
        Incident incident = resolved(Severity.SEV1);

        Review first = writeReview.afterResolution(incident.id(), Severity.SEV1, RESOLVED).orElseThrow().review();
        WriteReview.Written again = writeReview.afterResolution(incident.id(), Severity.SEV1, RESOLVED)
                .orElseThrow();

        assertThat(again.created()).isFalse();
        assertThat(again.review().id()).isEqualTo(first.id());
        assertThat(reviews.stored).hasSize(1);
    }

    private Incident resolved(Severity severity) {
        Incident incident = new Incident(UUID.randomUUID(), 7, "Checkout down", "checkout", severity,
                severity.defaultUrgency(), io.vigil.incident.incident.domain.IncidentStatus.RESOLVED, "fp", 1, OPENED,
                OPENED, OPENED.plusSeconds(60), RESOLVED, null, null);
        incidents.byId.put(incident.id(), incident);
        return incident;
    }

    private Timeline timeline() {
        return new Timeline() {
            @Override
            public void add(UUID incidentId, Entry entry) {
                lines.computeIfAbsent(incidentId, id -> new ArrayList<>()).add(entry);
            }

            @Override
            public List<Entry> entriesOf(UUID incidentId) {
                return lines.getOrDefault(incidentId, List.of());
            }
        };
    }

    private Roles roles() {
        return new Roles() {
            @Override
            public List<Assignment> of(UUID incidentId) {
                return roles.getOrDefault(incidentId, List.of());
            }

            @Override
            public void add(UUID incidentId, Assignment assignment) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void remove(UUID incidentId, IncidentRole role, String assignee) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static final class FakeReviews implements Reviews {

        final Map<UUID, Review> stored = new HashMap<>();

        @Override
        public Optional<Review> find(UUID id) {
            return Optional.ofNullable(stored.get(id));
        }

        @Override
        public Optional<Review> lock(UUID id) {
            return find(id);
        }

        @Override
        public Optional<Review> ofIncident(UUID incidentId) {
            return stored.values().stream().filter(review -> review.incidentId().equals(incidentId)).findFirst();
        }

        @Override
        public List<Review> list(ReviewState state, int limit, int offset) {
            return List.copyOf(stored.values());
        }

        @Override
        public boolean insertIfAbsent(Review review) {
            if (ofIncident(review.incidentId()).isPresent()) {
                return false;
            }
            stored.put(review.id(), review);
            return true;
        }

        @Override
        public void update(Review review) {
            stored.put(review.id(), review);
        }
    }

    /** Only {@link #find} is used by reviews. */
    private static final class FakeIncidents implements Incidents {

        final Map<UUID, Incident> byId = new HashMap<>();

        @Override
        public Optional<Incident> find(UUID id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<Incident> lock(UUID id) {
            return find(id);
        }

        @Override
        public Optional<UUID> openIncidentOf(String service, String fingerprint) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Incident> search(IncidentQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Incident> oldestOpenIn(Collection<String> services) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long countOpen() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Incident> countAlertOnOpen(String service, String fingerprint, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Incident> countAlertOn(UUID id, String fingerprint, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> fingerprintsOf(UUID incidentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void moveAlerts(UUID from, UUID to, Collection<String> fingerprints) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Incident> insertIfNoneOpen(Incident candidate, String groupKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Incident> openWithFirstAlert(Incident candidate, String groupKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Incident> countAlertOnGroup(String service, String groupKey, Instant activeSince,
                Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Incident> reopenRecent(String service, String fingerprint, Instant resolvedSince,
                Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(Incident incident) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean markAlert(UUID incidentId, String fingerprint, boolean firing, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void moveAlertsAndCopyTimeline(Incident source, Incident target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int firingAlerts(UUID incidentId) {
            throw new UnsupportedOperationException();
        }
    }
}
