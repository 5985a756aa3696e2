package io.vigil.starter.web;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 503 with {@code Retry-After}: Vigil cannot take the request right now (Kafka or Postgres is down)
 * and the client should send it again. Alertmanager and PagerDuty clients retry on this answer.
 */
public class ServiceUnavailable extends ErrorResponseException {

    public ServiceUnavailable(String detail, Duration retryAfter, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail, retryAfter), cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    private static ProblemDetail problem(String detail, Duration retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Temporarily unable to accept the request");
        problem.setProperty("retryAfterSeconds", Math.max(1, retryAfter.toSeconds()));
        return problem;
    }
}
