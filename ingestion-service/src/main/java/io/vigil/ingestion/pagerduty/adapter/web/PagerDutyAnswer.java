package io.vigil.ingestion.pagerduty.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * PagerDuty's answer bodies, field for field: {@code {"status":"success","message":"Event processed",
 * "dedup_key":"…"}} and {@code {"status":"invalid event","message":"Event object is invalid","errors":[…]}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PagerDutyAnswer(String status, String message, @JsonProperty("dedup_key") String dedupKey,
        List<String> errors) {

    static PagerDutyAnswer processed(String dedupKey) {
        return new PagerDutyAnswer("success", "Event processed", dedupKey, null);
    }

    static PagerDutyAnswer changeProcessed() {
        return new PagerDutyAnswer("success", "Change event processed", null, null);
    }

    static PagerDutyAnswer invalid(List<String> errors) {
        return new PagerDutyAnswer("invalid event", "Event object is invalid", null, errors);
    }

    static PagerDutyAnswer unavailable(String message) {
        return new PagerDutyAnswer("unavailable", message, null, null);
    }
}
