package io.vigil.incident.statuspage.adapter.web;

import io.vigil.incident.statuspage.domain.InvalidStatusPageRequest;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused status-page request is a 400 problem naming the field, in the shape of every validation problem. */
@RestControllerAdvice(basePackageClasses = StatusPageProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StatusPageProblems {

    @ExceptionHandler(InvalidStatusPageRequest.class)
    ProblemDetail invalid(InvalidStatusPageRequest refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid request: '%s' %s".formatted(refused.field(), refused.rule()));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", refused.field(), "message", refused.rule())));
        return problem;
    }
}
