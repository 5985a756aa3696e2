package io.vigil.escalation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of escalation-service, under {@code vigil.escalation}.
 *
 * @param configFile where the escalation configuration (users, teams, schedules, policies) is read at start, a
 *                   Spring resource location such as {@code file:/etc/vigil/escalation.yaml} or
 *                   {@code classpath:escalation/example.yaml}; empty to keep what is stored
 * @param tick       how often the timer poller looks for due steps; a timer fires within about one tick
 * @param batchSize  most due steps one poller transaction fires
 */
@ConfigurationProperties("vigil.escalation")
@Validated
public record EscalationProperties(
        String configFile,
        @NotNull @DefaultValue("200ms") Duration tick,
        @Min(1) @DefaultValue("100") int batchSize) {
}
