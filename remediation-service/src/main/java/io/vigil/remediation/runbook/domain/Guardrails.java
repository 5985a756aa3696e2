package io.vigil.remediation.runbook.domain;

import io.vigil.contracts.IncidentSeverity;
import java.time.Duration;
import java.util.List;

/**
 * Limits on when and where a runbook may act.
 *
 * @param maxAttemptsPerIncident most runs of the runbook on one incident
 * @param cooldown               least time between two runs of the runbook on one service
 * @param approvalAtOrAbove      incidents this severe or worse wait for a human's approval before the first step,
 *                               or {@code null} for never
 * @param allowedHosts           hosts its HTTP steps may call: exact names, or {@code *.example.com} for any
 *                               subdomain
 * @param allowedNamespaces      Kubernetes namespaces its steps may act in
 */
public record Guardrails(int maxAttemptsPerIncident, Duration cooldown, IncidentSeverity approvalAtOrAbove,
        List<String> allowedHosts, List<String> allowedNamespaces) {

    public Guardrails {
        allowedHosts = List.copyOf(allowedHosts);
        allowedNamespaces = List.copyOf(allowedNamespaces);
    }

    public boolean allowsHost(String host) {
        if (host == null) {
            return false;
        }
        String lower = host.toLowerCase(java.util.Locale.ROOT);
        return allowedHosts.stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).anyMatch(allowed ->
                allowed.startsWith("*.") ? lower.endsWith(allowed.substring(1)) : lower.equals(allowed));
    }

    public boolean allowsNamespace(String namespace) {
        return allowedNamespaces.contains(namespace);
    }
}
