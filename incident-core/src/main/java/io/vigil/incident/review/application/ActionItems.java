package io.vigil.incident.review.application;

import io.vigil.incident.review.domain.ActionItem;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The action items of reviews. */
public interface ActionItems {

    /** The review's items, by priority, then oldest first. */
    List<ActionItem> of(UUID reviewId);

    Optional<ActionItem> find(UUID reviewId, UUID itemId);

    void insert(ActionItem item);

    void update(ActionItem item);

    /** @return {@code false} when there was no such item */
    boolean delete(UUID reviewId, UUID itemId);

    /**
     * Items across all reviews, by priority then due date.
     *
     * @param dueBefore only open items due before this day (overdue), or {@code null} for all items
     * @param owner     only this owner's, or {@code null}
     */
    List<ActionItem> search(LocalDate dueBefore, String owner, int limit, int offset);

    /**
     * Open items due before {@code today} whose owner has not been reminded of their current due date, locked
     * ({@code SKIP LOCKED}) so replicas share them.
     */
    List<ActionItem> claimUnreminded(LocalDate today, int limit);
}
