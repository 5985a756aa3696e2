package io.vigil.incident.incident;

import io.vigil.incident.incident.domain.ServiceGraph;
import io.vigil.incident.incident.domain.SeverityPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Domain policies built from {@link IncidentProperties}. */
@Configuration(proxyBeanMethods = false)
class IncidentConfiguration {

    @Bean
    SeverityPolicy severityPolicy(IncidentProperties properties) {
        return properties.severity().toPolicy();
    }

    @Bean
    ServiceGraph serviceGraph(IncidentProperties properties) {
        return new ServiceGraph(properties.dependencies());
    }
}
