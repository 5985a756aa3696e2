package io.vigil.incident.review.application;

import io.vigil.incident.review.domain.ActionItem;
import io.vigil.incident.review.domain.ActionItemStatus;
import io.vigil.incident.review.domain.Priority;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, changes and removes a review's action items. They stay open to change after the review is published:
 * the work they track goes on after the document is final.
 */
@Service
public class PlanActions {

    /** A new item. */
    public record Add(UUID reviewId, String title, Priority priority, String owner, LocalDate dueDate) {
    }

    /** Changes to an item; a {@code null} field stays as it is. */
    public record Change(UUID reviewId, UUID itemId, String title, Priority priority, String owner,
            LocalDate dueDate, ActionItemStatus status) {
    }

    private final Reviews reviews;
    private final ActionItems items;
    private final Clock clock;

    public PlanActions(Reviews reviews, ActionItems items, Clock clock) {
        this.reviews = reviews;
        this.items = items;
        this.clock = clock;
    }

    /** @throws ResourceNotFound when there is no such review */
    @Transactional
    public ActionItem add(Add command) {
        if (reviews.find(command.reviewId()).isEmpty()) {
            throw new ResourceNotFound("review", command.reviewId());
        }
        ActionItem item = ActionItem.open(UUID.randomUUID(), command.reviewId(), command.title(),
                command.priority(), command.owner(), command.dueDate(), clock.instant());
        items.insert(item);
        return item;
    }

    /** @throws ResourceNotFound when the review has no such item */
    @Transactional
    public ActionItem change(Change command) {
        ActionItem item = items.find(command.reviewId(), command.itemId())
                .orElseThrow(() -> new ResourceNotFound("action item", command.itemId()));
        ActionItem changed = item.change(command.title(), command.priority(), command.owner(), command.dueDate(),
                command.status(), clock.instant());
        items.update(changed);
        return changed;
    }

    /** @throws ResourceNotFound when the review has no such item */
    @Transactional
    public void remove(UUID reviewId, UUID itemId) {
        if (!items.delete(reviewId, itemId)) {
            throw new ResourceNotFound("action item", itemId);
        }
    }
}
