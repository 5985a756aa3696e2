package io.vigil.incident.incident.application;

import io.vigil.incident.incident.domain.Incident;

/** What one alert did. */
public sealed interface AlertOutcome {

    /** The alert opened a new incident. */
    record Opened(Incident incident) implements AlertOutcome {
    }

    /** The alert joined the open incident of the same problem. */
    record Deduplicated(Incident incident) implements AlertOutcome {
    }

    /** The alert belongs to another problem of the same group and joined the group's open incident. */
    record Grouped(Incident incident) implements AlertOutcome {
    }

    /** The alert fired again shortly after its incident was resolved and reopened it. */
    record Reopened(Incident incident) implements AlertOutcome {
    }

    /** The source cleared the alert; {@code incident} is the incident after that (resolved when it was the last). */
    record Cleared(Incident incident) implements AlertOutcome {
    }

    /** The same alert event was already processed (a redelivery); nothing changed. */
    record AlreadyProcessed() implements AlertOutcome {
    }

    /** A resolved alert with no open incident to resolve; nothing changed. */
    record NothingOpen() implements AlertOutcome {
    }
}
