package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The severity an alert source assigns, on PagerDuty's scale. */
public enum AlertSeverity {
    @JsonProperty("critical")
    CRITICAL,
    @JsonProperty("error")
    ERROR,
    @JsonProperty("warning")
    WARNING,
    @JsonProperty("info")
    INFO
}
