package io.vigil.incident.review.domain;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which action items must be closed (done or cancelled) before a review is published.
 *
 * @param mustBeClosed the priorities that block publication; empty lets any review be published
 */
public record PublishRule(Set<Priority> mustBeClosed) {

    public PublishRule {
        mustBeClosed = mustBeClosed.isEmpty() ? EnumSet.noneOf(Priority.class) : EnumSet.copyOf(mustBeClosed);
    }

    /** The default: every P0 and P1 item closed. */
    public static PublishRule p0AndP1() {
        return new PublishRule(EnumSet.of(Priority.P0, Priority.P1));
    }

    /** The items that keep the review from being published, most urgent first. */
    public List<ActionItem> blockers(List<ActionItem> items) {
        return items.stream().filter(item -> !item.status().closed() && mustBeClosed.contains(item.priority()))
                .sorted(Comparator.comparing(ActionItem::priority).thenComparing(ActionItem::createdAt))
                .toList();
    }
}
