package io.vigil.notification.response.application;

/** What a person asked for from a page: the buttons and replies notification-service understands. */
public enum IncidentAction {
    ACKNOWLEDGE, RESOLVE, ESCALATE
}
