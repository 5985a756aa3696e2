package io.vigil.ingestion.alert.adapter.web;

import io.vigil.ingestion.integration.application.AdmitEvents;
import io.vigil.ingestion.integration.application.AuthenticateSource;
import io.vigil.ingestion.integration.domain.Admission;
import io.vigil.ingestion.integration.adapter.web.SourceKeys;
import io.vigil.ingestion.integration.domain.Integration;
import io.vigil.ingestion.integration.domain.SourceAuthentication;
import io.vigil.ingestion.integration.domain.SourceType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The integration behind a request at a door that takes its key from the request's credentials (all doors
 * but PagerDuty's, which has {@code routing_key}), and whether it is within its rate. A missing, unknown,
 * disabled or foreign key is a 401 problem saying which; an integration over its rate gets 429 with
 * {@code Retry-After}.
 */
@Component
public class IntakeAuthentication {

    private final AuthenticateSource authenticateSource;
    private final AdmitEvents admitEvents;

    IntakeAuthentication(AuthenticateSource authenticateSource, AdmitEvents admitEvents) {
        this.authenticateSource = authenticateSource;
        this.admitEvents = admitEvents;
    }

    /**
     * @param events how many events the request carries, counted against the integration's rate
     * @throws ErrorResponseException 401 when the request has no usable key for this door, 429 when the
     *                                integration is over its rate
     */
    public Integration admit(HttpServletRequest request, SourceType door, int events) {
        Integration integration = switch (authenticateSource.authenticate(SourceKeys.from(request), door)) {
            case SourceAuthentication.Authenticated authenticated -> authenticated.integration();
            case SourceAuthentication.Refused refused -> throw unauthorized(refused.message());
        };
        if (admitEvents.admit(integration, events) instanceof Admission.Throttled throttled) {
            throw tooManyRequests(integration, throttled.retryAfter());
        }
        return integration;
    }

    private static ErrorResponseException tooManyRequests(Integration integration, java.time.Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "The integration '%s' is over its rate limit; send again in %d s.".formatted(integration.name(), seconds));
        problem.setTitle("Rate limit exceeded");
        problem.setProperty("retryAfterSeconds", seconds);
        ErrorResponseException error = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
        error.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return error;
    }

    private static ErrorResponseException unauthorized(String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "Integration key refused: " + reason + ".");
        problem.setTitle("Integration key refused");
        ErrorResponseException error = new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
        error.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"vigil-ingestion\"");
        return error;
    }
}
