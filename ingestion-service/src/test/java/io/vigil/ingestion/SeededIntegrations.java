package io.vigil.ingestion;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One integration per source type, declared through {@code vigil.ingestion.integrations} exactly as a
 * deployment (or the devstack) declares them, with keys and services unique to this test JVM.
 */
final class SeededIntegrations {

    static final List<String> TYPES = List.of("pagerduty", "alertmanager", "generic", "cloudevents", "heartbeat");

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /** What every name, service and key of this run contains. */
    String run() {
        return run;
    }

    String name(String type) {
        return type + "-" + run;
    }

    String service(String type) {
        return type + "-svc-" + run;
    }

    String key(String type) {
        return "test-" + type.toLowerCase(Locale.ROOT) + "-key-" + run;
    }

    void register(DynamicPropertyRegistry registry) {
        for (int i = 0; i < TYPES.size(); i++) {
            String type = TYPES.get(i);
            String prefix = "vigil.ingestion.integrations[%d].".formatted(i);
            registry.add(prefix + "name", () -> name(type));
            registry.add(prefix + "type", () -> type);
            registry.add(prefix + "service", () -> service(type));
            registry.add(prefix + "key", () -> key(type));
        }
    }
}
