package io.vigil.incident.sla.adapter.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 400 naming the field (or parameter) and the rule it broke, in the shape of every other validation problem. */
final class InvalidField extends ErrorResponseException {

    private InvalidField(ProblemDetail problem) {
        super(HttpStatus.BAD_REQUEST, problem, null);
    }

    static InvalidField of(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid request: '%s' %s".formatted(field, message));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new InvalidField(problem);
    }
}
