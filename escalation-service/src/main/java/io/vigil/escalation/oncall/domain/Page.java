package io.vigil.escalation.oncall.domain;

/** One person a level pages, and why them. */
public record Page(User user, String reason) {
}
