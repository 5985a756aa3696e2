package io.vigil.escalation;

import io.vigil.starter.VigilApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** escalation-service: on-call schedules, escalation policies and their timers. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EscalationApplication {

    public static final String SERVICE_NAME = "escalation-service";

    public static void main(String[] args) {
        VigilApplication.run(EscalationApplication.class, SERVICE_NAME, args);
    }
}
