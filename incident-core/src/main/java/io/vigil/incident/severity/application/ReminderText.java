package io.vigil.incident.severity.application;

import io.vigil.incident.incident.domain.Incident;
import io.vigil.incident.severity.domain.Overdue;
import io.vigil.incident.severity.domain.SeverityMatrix;
import java.time.Duration;

/** The words of a reminder, as the person reminded reads them on Slack, in a text or an e-mail. */
final class ReminderText {

    private ReminderText() {
    }

    static String of(Incident incident, Overdue overdue, SeverityMatrix.Targets targets, String commander) {
        String head = "#%d %s (%s, %s)".formatted(incident.number(), incident.title(), incident.severity(),
                incident.service());
        String body = switch (overdue.kind()) {
            case RESPONSE_OVERDUE -> "nobody has acknowledged it within the %s response target of %s."
                    .formatted(incident.severity(), human(targets.responseTarget()));
            case UPDATE_OVERDUE -> ("no update in the last %s; a %s incident needs one every %s. Post a note, "
                    + "a status change or a status page update.").formatted(human(targets.updateCadence()),
                            incident.severity(), human(targets.updateCadence()));
            case ESCALATION_DUE -> "unacknowledged for %s; escalating to the next level."
                    .formatted(human(targets.escalateAfter()));
        };
        String text = head + ": " + body;
        if (targets.commanderRequired() && commander == null) {
            text += " No incident commander is assigned: a %s incident needs one.".formatted(incident.severity());
        }
        return text;
    }

    /** {@code 15 min}, {@code 4 h}, {@code 1 h 30 min}; seconds are left out. */
    static String human(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return rest + " min";
        }
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }
}
