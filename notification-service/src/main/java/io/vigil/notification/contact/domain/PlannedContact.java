package io.vigil.notification.contact.domain;

import java.time.Duration;

/**
 * One contact a page leads to.
 *
 * @param method the contact method to use
 * @param ruleId the rule that chose it ({@code default} when the user has no rules)
 * @param delay  how long after the page
 */
public record PlannedContact(ContactMethod method, String ruleId, Duration delay) {
}
