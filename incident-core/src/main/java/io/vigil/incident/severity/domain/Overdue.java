package io.vigil.incident.severity.domain;

import java.time.Instant;

/**
 * Something the severity matrix asked for that did not happen in time.
 *
 * @param kind  what is overdue
 * @param dueAt when it was due; with the incident and the kind it names the reminder, so each due time reminds once
 */
public record Overdue(Kind kind, Instant dueAt) {

    public enum Kind {
        /** Nobody acknowledged within the response target. */
        RESPONSE_OVERDUE("response-overdue"),
        /** No update within the update cadence; due again every cadence while none comes. */
        UPDATE_OVERDUE("update-overdue"),
        /** Unacknowledged past the escalation threshold: incident-core escalates. */
        ESCALATION_DUE("escalation-due");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name on the wire ({@code ReminderDue.kind}) and in the reminder ledger. */
        public String label() {
            return label;
        }
    }
}
