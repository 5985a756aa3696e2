package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the source says the alert's condition holds ({@code firing}) or has cleared ({@code resolved}). */
public enum AlertStatus {
    @JsonProperty("firing")
    FIRING,
    @JsonProperty("resolved")
    RESOLVED
}
