package io.vigil.devstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the devstack loads so a first alert pages someone: one integration per kind of alert source
 * with a known key, all for the {@code checkout} service, and the escalation example (users, a
 * schedule and a policy for {@code checkout}), a dry-run runbook and a 99.9 % SLA for it. Keys are printed at start; they are
 * for a local playground only.
 */
public final class DemoConfiguration {

    /** One seeded integration: a door and the key that opens it. */
    public record Integration(String name, String type, String service, String key, String door) {
    }

    public static final String SERVICE = "checkout";

    public static final List<Integration> INTEGRATIONS = List.of(
            new Integration("devstack-generic", "generic", SERVICE, "devstack-generic-key-000000001", "/v1/alerts"),
            new Integration("devstack-alertmanager", "alertmanager", SERVICE, "devstack-alertmanager-key-0001",
                    "/api/v1/integrations/alertmanager"),
            new Integration("devstack-pagerduty", "pagerduty", SERVICE, "devstack-pagerduty-key-00000001",
                    "/v2/enqueue"),
            new Integration("devstack-cloudevents", "cloudevents", SERVICE, "devstack-cloudevents-key-00001",
                    "/v1/cloudevents"),
            new Integration("devstack-heartbeat", "heartbeat", SERVICE, "devstack-heartbeat-key-0000001",
                    "/v1/heartbeats/{name}"));

    private DemoConfiguration() {
    }

    /** The key of the generic JSON door. */
    public static String genericKey() {
        return INTEGRATIONS.getFirst().key();
    }

    /** Spring properties that load the demo configuration into the services. */
    public static Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < INTEGRATIONS.size(); i++) {
            Integration integration = INTEGRATIONS.get(i);
            String prefix = "vigil.ingestion.integrations[%d].".formatted(i);
            properties.put(prefix + "name", integration.name());
            properties.put(prefix + "type", integration.type());
            properties.put(prefix + "service", integration.service());
            properties.put(prefix + "key", integration.key());
        }
        properties.put("vigil.escalation.config-file", "classpath:escalation/example.yaml");
        // A runbook for checkout in dry run: it describes its steps on the incident's timeline, executes none.
        properties.put("vigil.remediation.runbooks", "classpath:runbooks/remediation-service/checkout-demo.yaml");
        // checkout promises 99.9 %: its error budget and burn rate show on /actuator/prometheus and the dashboards.
        properties.put("vigil.incident.sla.services.checkout.tier", "standard");
        return properties;
    }
}
