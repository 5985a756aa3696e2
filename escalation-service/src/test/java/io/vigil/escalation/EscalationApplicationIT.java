package io.vigil.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.ServiceSmokeChecks;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = EscalationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=escalation-service")
class EscalationApplicationIT extends ServiceSmokeChecks {

    @Test
    void prometheusEndpointExportsTheTimerMetrics() {
        assertThat(HttpProbe.localhost(port).get("/actuator/prometheus").body())
                .contains("vigil_escalation_timer_lateness_seconds").contains("vigil_escalation_steps_fired_total");
    }
}
