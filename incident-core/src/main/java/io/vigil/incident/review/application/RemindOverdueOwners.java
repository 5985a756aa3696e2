package io.vigil.incident.review.application;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.ReminderDue;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Topics;
import io.vigil.incident.review.ReviewProperties;
import io.vigil.incident.review.domain.ActionItem;
import io.vigil.incident.review.domain.Review;
import io.vigil.starter.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds the owners of overdue action items: one {@link ReminderDue} ({@code action-item-overdue}) per item and
 * due date, through the outbox in the same transaction that marks the item reminded. Its id derives from the item
 * and the due date, so a retried pass reminds once; moving the due date makes a new reminder possible.
 */
@Service
public class RemindOverdueOwners {

    /** The {@link ReminderDue#kind()} of these reminders. */
    public static final String KIND = "action-item-overdue";

    private final ActionItems items;
    private final Reviews reviews;
    private final Outbox outbox;
    private final ReviewProperties properties;
    private final Clock clock;

    public RemindOverdueOwners(ActionItems items, Reviews reviews, Outbox outbox, ReviewProperties properties,
            Clock clock) {
        this.items = items;
        this.reviews = reviews;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return how many owners were reminded */
    @Transactional
    public int remindDue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, properties.zone());
        List<ActionItem> due = items.claimUnreminded(today, properties.remindersPerPass());
        for (ActionItem item : due) {
            Review review = reviews.find(item.reviewId()).orElseThrow();
            Instant dueAt = item.dueAt(properties.zone());
            ReminderDue reminder = new ReminderDue(
                    StableIds.of("reminder", item.id().toString(), KIND, item.dueDate().toString()),
                    review.incidentId(), review.incidentNumber(), review.title(), review.service(),
                    IncidentSeverity.valueOf(review.severity().name()), KIND, item.owner(),
                    "Action item %s \"%s\" from the review of incident #%d was due on %s and is still open."
                            .formatted(item.priority(), item.title(), review.incidentNumber(), item.dueDate()),
                    dueAt, now);
            outbox.append(Topics.INCIDENT_EVENTS, Envelope.of(reminder.reminderId(),
                    review.incidentId().toString(), reminder, clock, null));
            items.update(item.reminded());
        }
        return due.size();
    }
}
