package io.vigil.starter.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What an API token may do. Each role includes the ones below it: an admin is also a responder, a responder
 * also a viewer.
 */
public enum ApiRole {

    /** Reads: GET and HEAD on every endpoint. */
    VIEWER,
    /** Also acts on incidents and deliveries: acknowledge, resolve, escalate, notes, retries. */
    RESPONDER,
    /** Also changes configuration: users, teams, schedules, policies, contacts, integrations. */
    ADMIN;

    /** The Spring Security authority of this role alone, e.g. {@code ROLE_RESPONDER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** This role and every role it includes. */
    public List<ApiRole> included() {
        return Arrays.stream(values()).filter(role -> role.ordinal() <= ordinal()).toList();
    }

    /** The name used in configuration and messages: {@code viewer}, {@code responder}, {@code admin}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
