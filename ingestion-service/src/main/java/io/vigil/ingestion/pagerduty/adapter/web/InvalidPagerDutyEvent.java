package io.vigil.ingestion.pagerduty.adapter.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The request is not a valid event; {@link #errors()} says what is wrong, one line per problem. */
class InvalidPagerDutyEvent extends RuntimeException {

    private final HttpStatus status;
    private final List<String> errors;

    InvalidPagerDutyEvent(HttpStatus status, List<String> errors) {
        super(String.join("; ", errors));
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    InvalidPagerDutyEvent(List<String> errors) {
        this(HttpStatus.BAD_REQUEST, errors);
    }

    HttpStatus status() {
        return status;
    }

    List<String> errors() {
        return errors;
    }
}
