package io.vigil.incident.incident.domain;

/** A split that names no alerts, alerts the incident does not have, or the alert that opened it. */
public final class InvalidSplit extends RuntimeException {

    public InvalidSplit(String message) {
        super(message);
    }
}
