package io.vigil.notification.delivery.domain;

/** Why a delivery exists. */
public enum Purpose {
    /** Page a person about an incident. */
    PAGE,
    /** Tell a conversation already paged (a Slack thread) what became of the incident. */
    UPDATE,
    /**
     * Ask a service's Slack channel to approve or reject a remediation run that waits for a human; the delivery's
     * {@code requestId} is the run's id and its {@code note} says what the run asks.
     */
    APPROVAL,
    /** A note written on the incident, replied in the thread of the incident's post in its service's channel. */
    NOTE,
    /**
     * Tell a status-page subscriber of a public update: no incident, no person; the row's {@code title} is the
     * e-mail subject and its {@code note} the e-mail text, or for a webhook the JSON document to POST.
     */
    NOTICE
}
