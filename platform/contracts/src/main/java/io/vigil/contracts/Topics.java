package io.vigil.contracts;

import java.util.List;

/**
 * Kafka topic names. The version is part of the name: a breaking change gets a new topic.
 * Every topic has a dead-letter companion named by {@link #deadLetter(String)}.
 */
public final class Topics {

    /** Alerts accepted by ingestion-service; key = alert fingerprint. */
    public static final String ALERTS = "alerts.v1";
    /** Everything that happened to an incident, published by incident-core; key = incident id. */
    public static final String INCIDENT_EVENTS = "incident-events.v1";
    /** Requests to change an incident (acknowledge, resolve, note...), consumed by incident-core; key = incident id. */
    public static final String INCIDENT_COMMANDS = "incident-commands.v1";
    /** Pages to send, published by escalation-service; key = incident id. */
    public static final String NOTIFICATION_REQUESTS = "notification-requests.v1";
    /** What became of each delivery, published by notification-service; key = incident id. */
    public static final String NOTIFICATION_OUTCOMES = "notification-outcomes.v1";
    /** Runbook runs and their steps, published by remediation-service; key = incident id. */
    public static final String REMEDIATION_EVENTS = "remediation-events.v1";
    /** Decisions on remediation runs (a Slack approval), consumed by remediation-service; key = run id. */
    public static final String REMEDIATION_COMMANDS = "remediation-commands.v1";
    /** Changes (deploys, config pushes) reported by sources, published by ingestion-service; key = service. */
    public static final String CHANGE_EVENTS = "change-events.v1";

    /** All topics the services exchange, without their dead-letter companions. */
    public static final List<String> ALL = List.of(
            ALERTS, INCIDENT_EVENTS, INCIDENT_COMMANDS, NOTIFICATION_REQUESTS, NOTIFICATION_OUTCOMES, REMEDIATION_EVENTS,
            CHANGE_EVENTS, REMEDIATION_COMMANDS);

    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    /** The topic that keeps the records of {@code topic} no consumer could process. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
