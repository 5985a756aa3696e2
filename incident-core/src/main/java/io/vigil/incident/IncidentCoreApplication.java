package io.vigil.incident;

import io.vigil.starter.VigilApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** incident-core: the system of record for incidents. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IncidentCoreApplication {

    public static final String SERVICE_NAME = "incident-core";

    public static void main(String[] args) {
        VigilApplication.run(IncidentCoreApplication.class, SERVICE_NAME, args);
    }
}
