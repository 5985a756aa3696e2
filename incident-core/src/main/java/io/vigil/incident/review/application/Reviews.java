package io.vigil.incident.review.application;

import io.vigil.incident.review.domain.Review;
import io.vigil.incident.review.domain.ReviewState;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The post-incident reviews incident-core keeps, at most one per incident. */
public interface Reviews {

    Optional<Review> find(UUID id);

    /** The review, locked against concurrent changes until the transaction ends. */
    Optional<Review> lock(UUID id);

    Optional<Review> ofIncident(UUID incidentId);

    /** Reviews in this state (any, when {@code null}), newest first. */
    List<Review> list(ReviewState state, int limit, int offset);

    /**
     * Stores a new review with its timeline unless the incident already has one.
     *
     * @return {@code true} when stored, {@code false} when the incident had a review (nothing changed)
     */
    boolean insertIfAbsent(Review review);

    /** Writes the review's state, impact and findings; the timeline is kept as written. */
    void update(Review review);
}
