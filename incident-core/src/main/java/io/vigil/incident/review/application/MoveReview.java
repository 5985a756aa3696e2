package io.vigil.incident.review.application;

import io.vigil.incident.review.ReviewProperties;
import io.vigil.incident.review.domain.IllegalReviewTransition;
import io.vigil.incident.review.domain.PublicationBlocked;
import io.vigil.incident.review.domain.Review;
import io.vigil.incident.review.domain.ReviewState;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Moves a review from draft to in review to published (or back to draft), under the publish rule. */
@Service
public class MoveReview {

    private final Reviews reviews;
    private final ActionItems actionItems;
    private final ReviewProperties properties;
    private final Clock clock;

    public MoveReview(Reviews reviews, ActionItems actionItems, ReviewProperties properties, Clock clock) {
        this.reviews = reviews;
        this.actionItems = actionItems;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @throws ResourceNotFound        when there is no such review
     * @throws IllegalReviewTransition when its state does not allow the move
     * @throws PublicationBlocked      when publishing while action items the rule names are open
     */
    @Transactional
    public Review moveTo(UUID reviewId, ReviewState target) {
        Review review = reviews.lock(reviewId).orElseThrow(() -> new ResourceNotFound("review", reviewId));
        Review moved = review.moveTo(target, actionItems.of(reviewId), properties.publishRule(), clock.instant());
        reviews.update(moved);
        return moved;
    }
}
