package io.vigil.incident.incident.adapter.web;

import io.vigil.incident.incident.domain.IllegalTransition;
import io.vigil.incident.incident.domain.IncidentStatus;
import io.vigil.incident.incident.domain.InvalidSplit;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 409 for a change the incident's state does not allow, naming the current state and the allowed
 * next states ({@code allowedTransitions}) so a client can offer the right buttons; 400 for a split
 * that names the wrong alerts.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LifecycleProblems {

    @ExceptionHandler(IllegalTransition.class)
    ProblemDetail illegalTransition(IllegalTransition refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.getMessage());
        problem.setTitle("Transition not allowed");
        problem.setProperty("currentStatus", refused.current().label());
        problem.setProperty("requested", refused.requested());
        problem.setProperty("allowedTransitions", refused.allowed().stream().sorted()
                .map(IncidentStatus::label).toList());
        return problem;
    }

    @ExceptionHandler(InvalidSplit.class)
    ProblemDetail invalidSplit(InvalidSplit refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid request: 'fingerprints' " + refused.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", "fingerprints", "message", refused.getMessage())));
        return problem;
    }
}
