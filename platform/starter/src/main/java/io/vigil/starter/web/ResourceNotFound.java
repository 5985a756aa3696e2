package io.vigil.starter.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: the thing the request names does not exist. */
public class ResourceNotFound extends ErrorResponseException {

    public ResourceNotFound(String kind, Object id) {
        super(HttpStatus.NOT_FOUND, problem(kind, id), null);
    }

    private static ProblemDetail problem(String kind, Object id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No %s with id %s".formatted(kind, id));
        problem.setTitle(capitalised(kind) + " not found");
        return problem;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
