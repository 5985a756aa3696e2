package io.vigil.ingestion.alert.application;

/** The alert could not be stored right now; the source should send it again later. */
public class IntakeUnavailable extends RuntimeException {

    public IntakeUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
