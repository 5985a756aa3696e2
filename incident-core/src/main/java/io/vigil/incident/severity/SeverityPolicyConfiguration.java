package io.vigil.incident.severity;

import io.vigil.incident.severity.domain.SeverityMatrix;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The severity matrix built from {@link SeverityPolicyProperties}. */
@Configuration(proxyBeanMethods = false)
class SeverityPolicyConfiguration {

    @Bean
    SeverityMatrix severityMatrix(SeverityPolicyProperties properties) {
        return properties.toMatrix();
    }
}
