package io.vigil.notification;

import io.vigil.starter.VigilApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** notification-service: reaching people: contact methods, rules, channels and deliveries. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationApplication {

    public static final String SERVICE_NAME = "notification-service";

    public static void main(String[] args) {
        VigilApplication.run(NotificationApplication.class, SERVICE_NAME, args);
    }
}
