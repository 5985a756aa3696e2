package io.vigil.ingestion.heartbeat.adapter.scheduling;

import io.vigil.ingestion.heartbeat.HeartbeatProperties;
import io.vigil.ingestion.heartbeat.application.CheckHeartbeats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs {@link CheckHeartbeats} every {@code vigil.ingestion.heartbeats.check-interval}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class HeartbeatChecker implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatChecker.class);

    private final CheckHeartbeats checkHeartbeats;
    private final HeartbeatProperties properties;

    HeartbeatChecker(CheckHeartbeats checkHeartbeats, HeartbeatProperties properties) {
        this.checkHeartbeats = checkHeartbeats;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::check, properties.checkInterval());
    }

    private void check() {
        try {
            int missed = checkHeartbeats.check();
            if (missed > 0) {
                log.info("{} heartbeat monitor(s) missed their beat; alerts raised", missed);
            }
        } catch (RuntimeException e) {
            log.warn("Heartbeat check failed; trying again in {}", properties.checkInterval(), e);
        }
    }
}
