package io.vigil.incident.review.adapter.web;

import io.vigil.incident.review.domain.IllegalReviewTransition;
import io.vigil.incident.review.domain.PublicationBlocked;
import io.vigil.incident.review.domain.ReviewState;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 409 for a review move its state does not allow (naming the state and the allowed next ones), and for publishing
 * while blocking action items are open (naming each of them, so the client can show what is left to do).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReviewProblems {

    @ExceptionHandler(IllegalReviewTransition.class)
    ProblemDetail illegalTransition(IllegalReviewTransition refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.getMessage());
        problem.setTitle("Review transition not allowed");
        problem.setProperty("currentState", refused.current().label());
        problem.setProperty("allowedTransitions", refused.allowed().stream().sorted().map(ReviewState::label)
                .toList());
        return problem;
    }

    @ExceptionHandler(PublicationBlocked.class)
    ProblemDetail publicationBlocked(PublicationBlocked refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.getMessage());
        problem.setTitle("Open action items block publication");
        problem.setProperty("openActionItems", refused.openItems().stream().map(item -> {
            Map<String, Object> open = new LinkedHashMap<>();
            open.put("id", item.id());
            open.put("title", item.title());
            open.put("priority", item.priority().name());
            open.put("owner", item.owner());
            open.put("dueDate", item.dueDate() == null ? null : item.dueDate().toString());
            return open;
        }).toList());
        return problem;
    }
}
