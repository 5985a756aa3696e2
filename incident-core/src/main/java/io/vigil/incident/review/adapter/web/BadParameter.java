package io.vigil.incident.review.adapter.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 400 naming the field and the rule, in the shape of every other validation problem. */
final class BadParameter extends ErrorResponseException {

    private BadParameter(ProblemDetail problem) {
        super(HttpStatus.BAD_REQUEST, problem, null);
    }

    static BadParameter of(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid request: '%s' %s".formatted(field, message));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new BadParameter(problem);
    }
}
