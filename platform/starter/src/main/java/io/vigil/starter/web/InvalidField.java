package io.vigil.starter.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A {@code 400} naming the field (or request parameter) at fault and the rule it broke, in the shape of every other
 * validation problem: {@code detail} says it in a sentence, {@code errors} lists it as {@code {field, message}}.
 */
public final class InvalidField extends ErrorResponseException {

    private InvalidField(ProblemDetail problem) {
        super(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** Thrown from a controller: {@code InvalidField.of("month", "must be a month such as 2026-11")}. */
    public static InvalidField of(String field, String message) {
        return new InvalidField(problem(field, message));
    }

    /** The problem document itself, for an exception handler that turns a refusal of its own into one. */
    public static ProblemDetail problem(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid request: '%s' %s".formatted(field, message));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
