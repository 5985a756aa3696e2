package io.vigil.ingestion.pagerduty.adapter.web;

import io.vigil.ingestion.alert.IngestionProperties;
import io.vigil.ingestion.alert.application.IntakeUnavailable;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the PagerDuty endpoints in PagerDuty's shape rather than as problem documents: its clients
 * read {@code status}, {@code message} and {@code errors}. Takes precedence over the starter's
 * {@code ProblemDetailsAdvice} for {@link PagerDutyController} only.
 */
@RestControllerAdvice(assignableTypes = PagerDutyController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PagerDutyAdvice {

    private static final Logger log = LoggerFactory.getLogger(PagerDutyAdvice.class);

    private final IngestionProperties properties;

    PagerDutyAdvice(IngestionProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(InvalidPagerDutyEvent.class)
    ResponseEntity<PagerDutyAnswer> invalid(InvalidPagerDutyEvent e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                .body(PagerDutyAnswer.invalid(e.errors()));
    }

    /** PagerDuty's answer to a client over its rate; clients and Alertmanager retry after a pause. */
    @ExceptionHandler(PagerDutyThrottled.class)
    ResponseEntity<PagerDutyAnswer> throttled(PagerDutyThrottled e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)))
                .contentType(MediaType.APPLICATION_JSON)
                .body(new PagerDutyAnswer("throttle exceeded",
                        "Requests for this service are arriving too quickly.  Please retry later.", null, null));
    }

    /** Kafka did not take the event: PagerDuty clients and Alertmanager retry on 5xx. */
    @ExceptionHandler(IntakeUnavailable.class)
    ResponseEntity<PagerDutyAnswer> unavailable(IntakeUnavailable e) {
        log.warn("PagerDuty event refused, Kafka unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, properties.retryAfter().toSeconds())))
                .contentType(MediaType.APPLICATION_JSON)
                .body(PagerDutyAnswer.unavailable("Vigil cannot store events right now; send this event again."));
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<PagerDutyAnswer> notAcceptable(Exception e) {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_JSON)
                .body(PagerDutyAnswer.invalid(List.of("The answer is JSON; the Accept header does not allow it")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<PagerDutyAnswer> unexpected(Exception e) {
        log.error("Unhandled error on a PagerDuty endpoint", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
                .body(new PagerDutyAnswer("error", "Vigil could not process the event; the error is in its log.",
                        null, null));
    }
}
