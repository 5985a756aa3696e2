package io.vigil.incident.review.application;

import io.vigil.incident.incident.application.Incidents;
import io.vigil.incident.incident.application.Roles;
import io.vigil.incident.incident.application.Timeline;
import io.vigil.incident.incident.domain.Incident;
import io.vigil.incident.incident.domain.IncidentRole;
import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.review.ReviewProperties;
import io.vigil.incident.review.domain.BlamelessTimeline;
import io.vigil.incident.review.domain.IncidentFacts;
import io.vigil.incident.review.domain.Review;
import io.vigil.contracts.StableIds;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the review of an incident, pre-filled from it: summary, impact and its timeline told by role. An
 * incident has one review however often this runs (the id derives from the incident and the store keeps the
 * first), so a replayed resolution or a second request changes nothing.
 */
@Service
public class WriteReview {

    /** The incident's review and whether this call wrote it. */
    public record Written(Review review, boolean created) {
    }

    private final Incidents incidents;
    private final Timeline timeline;
    private final Roles roles;
    private final Reviews reviews;
    private final ReviewProperties properties;
    private final Clock clock;

    public WriteReview(Incidents incidents, Timeline timeline, Roles roles, Reviews reviews,
            ReviewProperties properties, Clock clock) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.roles = roles;
        this.reviews = reviews;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The review a responder asks for, whatever the incident's severity or state.
     *
     * @throws ResourceNotFound when there is no such incident
     */
    @Transactional
    public Written onDemand(UUID incidentId) {
        Incident incident = incidents.find(incidentId).orElseThrow(() -> new ResourceNotFound("incident", incidentId));
        return write(incident, incident.resolvedAt());
    }

    /**
     * The review of an incident that just resolved, when its severity is one that gets a review.
     *
     * @param severity   its severity when it resolved
     * @param resolvedAt when it resolved
     * @return the review, or empty when the severity gets none or the incident is unknown
     */
    @Transactional
    public Optional<Written> afterResolution(UUID incidentId, Severity severity, Instant resolvedAt) {
        if (!properties.severities().contains(severity)) {
            return Optional.empty();
        }
        return incidents.find(incidentId).map(incident -> write(incident,
                incident.resolvedAt() == null ? resolvedAt : incident.resolvedAt()));
    }

    private Written write(Incident incident, Instant resolvedAt) {
        Optional<Review> existing = reviews.ofIncident(incident.id());
        if (existing.isPresent()) {
            return new Written(existing.get(), false);
        }
        Map<String, Set<IncidentRole>> held = new HashMap<>();
        for (Roles.Assignment assignment : roles.of(incident.id())) {
            held.computeIfAbsent(assignment.assignee(), person -> EnumSet.noneOf(IncidentRole.class))
                    .add(assignment.role());
        }
        List<BlamelessTimeline.Line> lines = timeline.entriesOf(incident.id()).stream()
                .map(entry -> new BlamelessTimeline.Line(entry.at(), entry.kind(), entry.summary(),
                        entry.actor() == null ? null : entry.actor().kind(),
                        entry.actor() == null ? null : entry.actor().id()))
                .toList();
        IncidentFacts facts = new IncidentFacts(incident.id(), incident.number(), incident.title(),
                incident.service(), incident.severity(), incident.openedAt(), resolvedAt);
        Review draft = Review.draftFrom(StableIds.of("review", incident.id().toString()), facts,
                BlamelessTimeline.of(lines, held), clock.instant());
        if (reviews.insertIfAbsent(draft)) {
            return new Written(draft, true);
        }
        return new Written(reviews.ofIncident(incident.id()).orElseThrow(), false);
    }
}
