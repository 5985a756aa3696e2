package io.vigil.starter;

import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a Vigil service with its own configuration file ({@code <service>.yml}), so that several
 * services can share one JVM (the devstack) without their settings colliding.
 */
public final class VigilApplication {

    private VigilApplication() {
    }

    public static ConfigurableApplicationContext run(Class<?> application, String serviceName, String... args) {
        return builder(application, serviceName, Map.of()).run(args);
    }

    /**
     * A builder for the service with extra default properties (the devstack passes where Postgres,
     * Redis and Kafka are); the service's own file and the command line still override them.
     */
    public static SpringApplicationBuilder builder(Class<?> application, String serviceName,
            Map<String, Object> defaults) {
        Map<String, Object> properties = new java.util.HashMap<>(defaults);
        properties.put("spring.config.name", serviceName);
        properties.put("spring.application.name", serviceName);
        return new SpringApplicationBuilder(application).properties(properties);
    }
}
