package io.vigil.incident.review.domain;

import io.vigil.incident.incident.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A post-incident review: what happened, what it cost, what the team learned. One per incident. Its timeline is
 * the incident's, taken when the review was written and told by role, not by name.
 *
 * @param incidentNumber the incident's short number, title, service and severity: the review's summary line
 * @param publishedAt    when it was published, {@code null} before
 */
public record Review(UUID id, UUID incidentId, long incidentNumber, String title, String service, Severity severity,
        ReviewState state, Impact impact, Findings findings, List<TimelineLine> timeline, Instant createdAt,
        Instant updatedAt, Instant publishedAt) {

    public Review {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(findings, "findings");
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    /** A new draft, pre-filled from the incident: summary, impact and the blameless timeline. */
    public static Review draftFrom(UUID id, IncidentFacts incident, List<TimelineLine> timeline, Instant now) {
        Impact impact = new Impact(incident.openedAt(), incident.resolvedAt(), List.of(incident.service()), null);
        String summary = "%s incident #%d on %s: %s. %s".formatted(incident.severity(), incident.number(),
                incident.service(), incident.title(), impact.duration() == null ? "It was not resolved when this"
                        + " review was written." : "It lasted " + Impact.human(impact.duration()) + ".");
        return new Review(id, incident.incidentId(), incident.number(), incident.title(), incident.service(),
                incident.severity(), ReviewState.DRAFT, impact,
                new Findings(summary, null, null, null, null, null), timeline, now, now, null);
    }

    /**
     * The review with the team's words; {@code null} keeps a field as it is.
     *
     * @param servicesAffected the affected services, or {@code null} to keep them
     * @param customersAffected the customers affected as the team states them, or {@code null} to keep it
     * @throws IllegalReviewTransition when the review is published
     */
    public Review edit(Findings changes, List<String> servicesAffected, String customersAffected, Instant now) {
        if (!state.editable()) {
            throw new IllegalReviewTransition(state, "be edited");
        }
        Impact newImpact = new Impact(impact.startedAt(), impact.endedAt(),
                servicesAffected == null ? impact.servicesAffected() : servicesAffected,
                customersAffected == null ? impact.customersAffected() : customersAffected);
        return new Review(id, incidentId, incidentNumber, title, service, severity, state, newImpact,
                findings.with(changes), timeline, createdAt, now, publishedAt);
    }

    /**
     * Moves the review to {@code target}. Publishing needs every action item the rule names closed.
     *
     * @param items the review's action items
     * @throws IllegalReviewTransition when the state does not allow the move
     * @throws PublicationBlocked      when publishing while blocking items are open
     */
    public Review moveTo(ReviewState target, List<ActionItem> items, PublishRule rule, Instant now) {
        if (!state.next().contains(target)) {
            throw new IllegalReviewTransition(state, "become " + target.label());
        }
        if (target == ReviewState.PUBLISHED) {
            List<ActionItem> blockers = rule.blockers(items);
            if (!blockers.isEmpty()) {
                throw new PublicationBlocked(blockers);
            }
        }
        return new Review(id, incidentId, incidentNumber, title, service, severity, target, impact, findings,
                timeline, createdAt, now, target == ReviewState.PUBLISHED ? now : publishedAt);
    }
}
