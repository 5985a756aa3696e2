package io.vigil.ingestion;

import io.vigil.starter.VigilApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** ingestion-service: takes alerts in over HTTP and hands them to Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestionApplication {

    public static final String SERVICE_NAME = "ingestion-service";

    public static void main(String[] args) {
        VigilApplication.run(IngestionApplication.class, SERVICE_NAME, args);
    }
}
