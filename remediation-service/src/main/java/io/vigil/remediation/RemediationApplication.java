package io.vigil.remediation;

import io.vigil.starter.VigilApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** remediation-service: runbooks that act on incidents. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RemediationApplication {

    public static final String SERVICE_NAME = "remediation-service";

    public static void main(String[] args) {
        VigilApplication.run(RemediationApplication.class, SERVICE_NAME, args);
    }
}
