package io.vigil.incident.review.domain;

import java.util.Set;
import java.util.stream.Collectors;

/** A move the review's state does not allow, or an edit of a published review. */
public final class IllegalReviewTransition extends RuntimeException {

    private final ReviewState current;
    private final Set<ReviewState> allowed;

    public IllegalReviewTransition(ReviewState current, String requested) {
        super("A review that is %s cannot %s; allowed from %s: %s".formatted(current.label(), requested,
                current.label(), current.next().isEmpty() ? "nothing, it is final"
                        : current.next().stream().map(ReviewState::label).collect(Collectors.joining(", "))));
        this.current = current;
        this.allowed = Set.copyOf(current.next());
    }

    public ReviewState current() {
        return current;
    }

    public Set<ReviewState> allowed() {
        return allowed;
    }
}
