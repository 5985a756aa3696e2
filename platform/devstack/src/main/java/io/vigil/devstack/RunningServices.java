package io.vigil.devstack;

import io.vigil.starter.VigilApplication;
import io.vigil.testkit.KafkaEndpoint;
import io.vigil.testkit.PostgresEndpoint;
import io.vigil.testkit.RedisEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Vigil's services running in this JVM, each in its own Spring context with its own configuration
 * file, all pointed at the same Postgres database (each in its own schema), Redis and Kafka.
 */
public final class RunningServices implements AutoCloseable {

    private static final Duration CONSUMERS_READY_WITHIN = Duration.ofSeconds(90);

    private final Map<VigilService, ConfigurableApplicationContext> contexts;
    private final Map<VigilService, Callable<ConfigurableApplicationContext>> starters;

    private RunningServices(Map<VigilService, ConfigurableApplicationContext> contexts,
            Map<VigilService, Callable<ConfigurableApplicationContext>> starters) {
        this.contexts = contexts;
        this.starters = starters;
    }

    /**
     * Starts the services side by side and returns when all are up.
     *
     * @param ports the port of each service; 0 picks a free one, a missing entry means the default
     * @param extra further properties given to every service; they override the services' own files
     */
    public static RunningServices start(Collection<VigilService> services, PostgresEndpoint database,
            RedisEndpoint redis, KafkaEndpoint kafka, Map<VigilService, Integer> ports, Map<String, Object> extra) {
        return start(services, database, redis, kafka, ports, extra, null);
    }

    /**
     * Starts the services side by side, all reading time from {@code clock}, and returns when all are up. A test
     * that moves the clock moves every timer, retry and timestamp of every service together.
     *
     * @param clock the time of every service; {@code null} leaves each its own system clock
     */
    public static RunningServices start(Collection<VigilService> services, PostgresEndpoint database,
            RedisEndpoint redis, KafkaEndpoint kafka, Map<VigilService, Integer> ports, Map<String, Object> extra,
            Clock clock) {
        // Several Spring applications in one JVM must not each set up logging, least of all at the same time:
        // the JVM's logging is configured once, from logback.xml.
        if (System.getProperty(LoggingSystem.SYSTEM_PROPERTY) == null) {
            System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        }
        Map<String, Object> shared = new HashMap<>(extra);
        shared.putAll(io.vigil.testkit.Infrastructure.springProperties(database, redis, kafka));
        shared.put("spring.main.banner-mode", "off");
        Map<VigilService, ConfigurableApplicationContext> started = new EnumMap<>(VigilService.class);
        Map<VigilService, Callable<ConfigurableApplicationContext>> starters = new EnumMap<>(VigilService.class);
        try (ExecutorService starter = Executors.newFixedThreadPool(services.size())) {
            Map<VigilService, Future<ConfigurableApplicationContext>> pending = new EnumMap<>(VigilService.class);
            for (VigilService service : services) {
                Map<String, Object> properties = new HashMap<>(shared);
                properties.put("server.port", ports.getOrDefault(service, service.defaultPort()));
                // Each embedded Tomcat gets a base directory of its own, made here, instead of the temporary one it
                // would make and look for again while the other services start beside it.
                properties.put("server.tomcat.basedir", tomcatBase(service));
                // Given as command-line arguments so they win over the service's own file, as an operator's would.
                String[] arguments = properties.entrySet().stream()
                        .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                        .toArray(String[]::new);
                // A builder runs once; a restart needs a new one.
                starters.put(service, () -> {
                    SpringApplicationBuilder application = VigilApplication
                            .builder(service.application(), service.serviceName(), Map.of());
                    if (clock != null) {
                        application.initializers(context -> context.getBeanFactory()
                                .registerSingleton("sharedClock", clock));
                    }
                    return application.run(arguments);
                });
                pending.put(service, starter.submit(starters.get(service)));
            }
            List<Throwable> failures = new ArrayList<>();
            for (var entry : pending.entrySet()) {
                try {
                    started.put(entry.getKey(), entry.getValue().get());
                } catch (ExecutionException e) {
                    failures.add(new IllegalStateException(entry.getKey().serviceName() + " did not start", e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.add(e);
                }
            }
            if (!failures.isEmpty()) {
                new RunningServices(started, starters).close();
                IllegalStateException failure = new IllegalStateException("Vigil did not start", failures.get(0));
                failures.stream().skip(1).forEach(failure::addSuppressed);
                throw failure;
            }
        }
        RunningServices running = new RunningServices(started, starters);
        running.awaitConsumersAssigned(CONSUMERS_READY_WITHIN);
        return running;
    }

    /**
     * Stops one service and starts it again with the same settings, as a crash and a restart would, and returns
     * once its consumers have their partitions again. Its port may change.
     */
    public void restart(VigilService service) {
        ConfigurableApplicationContext context = contexts.remove(service);
        if (context == null) {
            throw new IllegalArgumentException(service.serviceName() + " is not running");
        }
        context.close();
        try {
            contexts.put(service, starters.get(service).call());
        } catch (Exception e) {
            throw new IllegalStateException(service.serviceName() + " did not start again", e);
        }
        awaitConsumersAssigned(CONSUMERS_READY_WITHIN);
    }

    /**
     * Waits until every Kafka listener of every service has partitions assigned: before that, a record
     * would wait for the consumer group to form, so "up" would not yet mean "an alert becomes an incident".
     */
    private void awaitConsumersAssigned(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ConfigurableApplicationContext context : contexts.values()) {
            for (MessageListenerContainer container : context.getBean(KafkaListenerEndpointRegistry.class)
                    .getListenerContainers()) {
                while (container.getAssignedPartitions() == null || container.getAssignedPartitions().isEmpty()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka consumer " + container.getListenerId()
                                + " got no partitions within " + timeout);
                    }
                    LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                }
            }
        }
    }

    /** The port a running service listens on. */
    public int port(VigilService service) {
        ConfigurableApplicationContext context = contexts.get(service);
        if (!(context instanceof WebServerApplicationContext web)) {
            throw new IllegalArgumentException(service.serviceName() + " is not running");
        }
        return web.getWebServer().getPort();
    }

    public String url(VigilService service) {
        return "http://localhost:" + port(service);
    }

    public ConfigurableApplicationContext context(VigilService service) {
        return contexts.get(service);
    }

    /** Stops the services, the ones that consume from the others first. */
    @Override
    public void close() {
        List<VigilService> order = new ArrayList<>(contexts.keySet());
        java.util.Collections.reverse(order);
        for (VigilService service : order) {
            contexts.get(service).close();
        }
        contexts.clear();
    }

    private static String tomcatBase(VigilService service) {
        try {
            Path base = Files.createTempDirectory("vigil-" + service.serviceName() + "-");
            base.toFile().deleteOnExit();
            return base.toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory for " + service.serviceName(), e);
        }
    }
}
