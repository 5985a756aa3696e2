package io.vigil.incident.incident.application;

import java.time.Duration;

/** The response-time and alert numbers incident-core exports; recorded once the change commits. */
public interface IncidentMetrics {

    /** One alert and what it did: {@code new}, {@code deduplicated}, {@code reopened}, {@code resolved}, {@code ignored}. */
    void alert(String outcome);

    /** From when the source says the condition began to the incident's opening. */
    void detected(String service, String severity, Duration sinceStart);

    void acknowledged(String service, String severity, Duration sinceOpened);

    void resolved(String service, String severity, Duration sinceOpened);

    /** A command from {@code incident-commands.v1} and what came of it: {@code done}, {@code refused}, {@code unmatched}. */
    void command(String type, String outcome);

    /**
     * A paging line (page, skipped level, exhausted policy, notification outcome) written on a timeline.
     *
     * @param incidentKnown {@code false} when its incident did not exist (yet) and the line was kept for it
     */
    void pagingEntry(String kind, boolean incidentKnown);
}
