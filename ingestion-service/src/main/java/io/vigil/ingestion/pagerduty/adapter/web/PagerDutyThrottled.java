package io.vigil.ingestion.pagerduty.adapter.web;

import java.time.Duration;

/** The routing key's integration is over its rate limit. */
class PagerDutyThrottled extends RuntimeException {

    private final Duration retryAfter;

    PagerDutyThrottled(Duration retryAfter) {
        super("over the rate limit for " + retryAfter);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
