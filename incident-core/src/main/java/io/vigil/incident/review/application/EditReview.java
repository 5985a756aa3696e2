package io.vigil.incident.review.application;

import io.vigil.incident.review.domain.Findings;
import io.vigil.incident.review.domain.IllegalReviewTransition;
import io.vigil.incident.review.domain.Review;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes the team's words into a review that is not yet published. */
@Service
public class EditReview {

    /**
     * The changes; a {@code null} field stays as it is.
     *
     * @param findings the findings to replace (each {@code null} field is kept)
     */
    public record Command(UUID reviewId, Findings findings, List<String> servicesAffected, String customersAffected) {
    }

    private final Reviews reviews;
    private final Clock clock;

    public EditReview(Reviews reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    /**
     * @throws ResourceNotFound        when there is no such review
     * @throws IllegalReviewTransition when it is published
     */
    @Transactional
    public Review edit(Command command) {
        Review review = reviews.lock(command.reviewId())
                .orElseThrow(() -> new ResourceNotFound("review", command.reviewId()));
        Review edited = review.edit(command.findings(), command.servicesAffected(), command.customersAffected(),
                clock.instant());
        reviews.update(edited);
        return edited;
    }
}
