package io.vigil.incident.incident.domain;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which services depend on which: when a service's upstream (directly or further up) already has an
 * open incident, a new incident of the service is probably its consequence.
 *
 * @param dependsOn each service and the services it calls or needs
 */
public record ServiceGraph(Map<String, List<String>> dependsOn) {

    public ServiceGraph {
        dependsOn = dependsOn == null ? Map.of() : Map.copyOf(dependsOn);
    }

    /** Every service {@code service} depends on, directly or through others, nearest first; cycles are harmless. */
    public Set<String> upstreamsOf(String service) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(dependsOn.getOrDefault(service, List.of()));
        while (!next.isEmpty()) {
            String upstream = next.removeFirst();
            if (!upstream.equals(service) && found.add(upstream)) {
                next.addAll(dependsOn.getOrDefault(upstream, List.of()));
            }
        }
        return found;
    }
}
