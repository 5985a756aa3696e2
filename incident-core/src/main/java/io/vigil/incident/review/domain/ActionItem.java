package io.vigil.incident.review.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * Something the team commits to do after an incident.
 *
 * @param owner        the user (as escalation-service knows users) who sees it through and is reminded when it is late
 * @param dueDate      the calendar day it is due by; it is overdue from the start of the next day
 * @param closedAt     when it became done or cancelled, {@code null} while open
 * @param remindedFor  the due date its owner was last reminded of, so one due date reminds once; {@code null} if never
 */
public record ActionItem(UUID id, UUID reviewId, String title, Priority priority, String owner, LocalDate dueDate,
        ActionItemStatus status, Instant createdAt, Instant closedAt, LocalDate remindedFor) {

    public ActionItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reviewId, "reviewId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
    }

    public static ActionItem open(UUID id, UUID reviewId, String title, Priority priority, String owner,
            LocalDate dueDate, Instant now) {
        return new ActionItem(id, reviewId, title, priority, owner, dueDate, ActionItemStatus.OPEN, now, null, null);
    }

    /** The moment it becomes overdue: the start of the day after its due date, in {@code zone}. */
    public Instant dueAt(ZoneId zone) {
        return dueDate == null ? null : dueDate.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Open, with a due date, and that day is over. */
    public boolean overdueAt(Instant now, ZoneId zone) {
        return status == ActionItemStatus.OPEN && dueDate != null && !now.isBefore(dueAt(zone));
    }

    /**
     * The item with the changes given; {@code null} leaves a field as it is. Closing stamps {@code closedAt},
     * reopening clears it.
     */
    public ActionItem change(String newTitle, Priority newPriority, String newOwner, LocalDate newDueDate,
            ActionItemStatus newStatus, Instant now) {
        ActionItemStatus status = newStatus == null ? this.status : newStatus;
        Instant closed = !status.closed() ? null : this.status.closed() ? closedAt : now;
        return new ActionItem(id, reviewId, newTitle == null ? title : newTitle,
                newPriority == null ? priority : newPriority, newOwner == null ? owner : newOwner,
                newDueDate == null ? dueDate : newDueDate, status, createdAt, closed, remindedFor);
    }

    /** The item once its owner has been reminded of the current due date. */
    public ActionItem reminded() {
        return new ActionItem(id, reviewId, title, priority, owner, dueDate, status, createdAt, closedAt, dueDate);
    }
}
