package io.vigil.notification.delivery.domain;

/** Why a delivery exists. */
public enum Purpose {
    /** Page a person about an incident. */
    PAGE,
    /** Tell a conversation already paged (a Slack thread) what became of the incident. */
    UPDATE,
    /**
     * Tell a status-page subscriber of a public update: no incident, no person; the row's {@code title} is the
     * e-mail subject and its {@code note} the e-mail text, or for a webhook the JSON document to POST.
     */
    NOTICE
}
