package io.vigil.incident.statuspage.adapter.web;

import io.vigil.incident.statuspage.domain.InvalidStatusPageRequest;
import io.vigil.starter.web.InvalidField;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused status-page request is a 400 problem naming the field, in the shape of every validation problem. */
@RestControllerAdvice(basePackageClasses = StatusPageProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StatusPageProblems {

    @ExceptionHandler(InvalidStatusPageRequest.class)
    ProblemDetail invalid(InvalidStatusPageRequest refused) {
        return InvalidField.problem(refused.field(), refused.rule());
    }
}
