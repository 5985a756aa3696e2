package io.vigil.incident.incident.adapter.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 400 for a request parameter the bean validation cannot check, in the shape of every other validation problem. */
final class InvalidParameter extends ErrorResponseException {

    private InvalidParameter(ProblemDetail problem) {
        super(HttpStatus.BAD_REQUEST, problem, null);
    }

    static InvalidParameter of(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid request: '%s' %s".formatted(field, message));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new InvalidParameter(problem);
    }
}
