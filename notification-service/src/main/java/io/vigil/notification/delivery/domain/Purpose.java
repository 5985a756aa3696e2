package io.vigil.notification.delivery.domain;

/** Why a delivery exists. */
public enum Purpose {
    /** Page a person about an incident. */
    PAGE,
    /** Tell a conversation already paged (a Slack thread) what became of the incident. */
    UPDATE
}
