package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether an incident wakes people ({@code high}) or waits for working hours ({@code low}). */
public enum Urgency {
    @JsonProperty("high")
    HIGH,
    @JsonProperty("low")
    LOW
}
