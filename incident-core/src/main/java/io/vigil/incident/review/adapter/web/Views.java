package io.vigil.incident.review.adapter.web;

import io.vigil.incident.review.domain.ActionItem;
import io.vigil.incident.review.domain.Impact;
import io.vigil.incident.review.domain.Review;
import io.vigil.incident.review.domain.ReviewState;
import io.vigil.incident.review.domain.TimelineLine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** How reviews and action items look in the API. */
final class Views {

    private Views() {
    }

    /** The impact with its duration in seconds and as people write it. */
    record ImpactView(Instant startedAt, Instant endedAt, Long durationSeconds, String duration,
            List<String> servicesAffected, String customersAffected) {

        static ImpactView of(Impact impact) {
            Duration duration = impact.duration();
            return new ImpactView(impact.startedAt(), impact.endedAt(),
                    duration == null ? null : duration.toSeconds(), Impact.human(duration),
                    impact.servicesAffected(), impact.customersAffected());
        }
    }

    record ReviewView(UUID id, UUID incidentId, long incidentNumber, String title, String service, String severity,
            String state, List<String> allowedTransitions, String summary, ImpactView impact,
            List<TimelineLine> timeline, String rootCauses, String contributingFactors, String wentWell,
            String wentBadly, String lessons, List<ActionItemView> actionItems, Instant createdAt,
            Instant updatedAt, Instant publishedAt) {

        static ReviewView of(Review review, List<ActionItem> items, Instant now, ZoneId zone) {
            return new ReviewView(review.id(), review.incidentId(), review.incidentNumber(), review.title(),
                    review.service(), review.severity().name(), review.state().label(),
                    review.state().next().stream().sorted().map(ReviewState::label).toList(),
                    review.findings().summary(), ImpactView.of(review.impact()), review.timeline(),
                    review.findings().rootCauses(), review.findings().contributingFactors(),
                    review.findings().wentWell(), review.findings().wentBadly(), review.findings().lessons(),
                    items.stream().map(item -> ActionItemView.of(item, now, zone)).toList(), review.createdAt(),
                    review.updatedAt(), review.publishedAt());
        }
    }

    /** A review in a list: no timeline or action items. */
    record ReviewSummary(UUID id, UUID incidentId, long incidentNumber, String title, String service, String severity,
            String state, Instant createdAt, Instant updatedAt, Instant publishedAt) {

        static ReviewSummary of(Review review) {
            return new ReviewSummary(review.id(), review.incidentId(), review.incidentNumber(), review.title(),
                    review.service(), review.severity().name(), review.state().label(), review.createdAt(),
                    review.updatedAt(), review.publishedAt());
        }
    }

    /** @param overdue open and its due date is past, by the service's clock */
    record ActionItemView(UUID id, UUID reviewId, String title, String priority, String owner, LocalDate dueDate,
            String status, boolean overdue, Instant createdAt, Instant closedAt) {

        static ActionItemView of(ActionItem item, Instant now, ZoneId zone) {
            return new ActionItemView(item.id(), item.reviewId(), item.title(), item.priority().name(), item.owner(),
                    item.dueDate(), item.status().label(), item.overdueAt(now, zone), item.createdAt(),
                    item.closedAt());
        }
    }
}
