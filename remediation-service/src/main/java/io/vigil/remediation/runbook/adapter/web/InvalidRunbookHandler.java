package io.vigil.remediation.runbook.adapter.web;

import io.vigil.remediation.runbook.application.InvalidRunbook;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused runbook: a 400 problem listing every problem with its path, as the platform's other 400s do. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidRunbookHandler {

    @ExceptionHandler(InvalidRunbook.class)
    ProblemDetail invalid(InvalidRunbook ex) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid runbook, nothing was stored: " + ex.problems().stream()
                        .map(p -> "'%s' %s".formatted(p.field(), p.message())).collect(Collectors.joining("; ")));
        body.setTitle("Invalid request");
        body.setProperty("errors", ex.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return body;
    }
}
