package io.vigil.notification.contact.adapter.web;

import io.vigil.notification.contact.application.InvalidContacts;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused contact methods or rules: a 400 problem naming every field, shaped as the platform's other 400s. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidContactsHandler {

    @ExceptionHandler(InvalidContacts.class)
    ProblemDetail invalid(InvalidContacts ex) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request: "
                + ex.problems().stream().map(p -> "'%s' %s".formatted(p.field(), p.message()))
                        .collect(Collectors.joining("; ")));
        body.setTitle("Invalid request");
        body.setProperty("errors", ex.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return body;
    }
}
