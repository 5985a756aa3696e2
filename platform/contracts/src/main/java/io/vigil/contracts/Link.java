package io.vigil.contracts;

/**
 * A link a source attached to an alert or change (PagerDuty {@code links}): a runbook, a dashboard, a build.
 *
 * @param href where it points
 * @param text what to show for it, or {@code null}
 */
public record Link(String href, String text) {
}
