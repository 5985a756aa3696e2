package io.vigil.incident.incident.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceGraphTest {

    @Test
    void upstreamsAreFoundThroughEveryLevelNearestFirstAndCyclesEnd() {
        ServiceGraph graph = new ServiceGraph(Map.of(
                "web", List.of("gateway"),
                "gateway", List.of("users", "auth"),
                "auth", List.of("users", "gateway")));

        assertThat(graph.upstreamsOf("web")).containsExactly("gateway", "users", "auth");
        assertThat(graph.upstreamsOf("users")).isEmpty();
        assertThat(graph.upstreamsOf("auth")).containsExactly("users", "gateway");
    }
}
