package io.vigil.ingestion.integration.domain;

import java.time.Duration;

/** Whether an integration may send more events now. */
public sealed interface Admission {

    /** Within its budget (or the budget could not be checked). */
    record Admitted() implements Admission {
    }

    /** Over its budget until {@link #retryAfter()} has passed. */
    record Throttled(Duration retryAfter) implements Admission {
    }
}
