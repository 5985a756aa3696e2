package io.vigil.incident.incident.application;

/**
 * Which incidents to list.
 *
 * @param service     only this service, or {@code null} for all
 * @param fingerprint only this problem, or {@code null} for all
 * @param openOnly    leave out resolved incidents
 */
public record IncidentQuery(String service, String fingerprint, boolean openOnly, int limit, int offset) {
}
