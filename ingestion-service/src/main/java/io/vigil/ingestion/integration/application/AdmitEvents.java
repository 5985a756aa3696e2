package io.vigil.ingestion.integration.application;

import io.vigil.ingestion.integration.RateLimitProperties;
import io.vigil.ingestion.integration.domain.Admission;
import io.vigil.ingestion.integration.domain.Integration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;

/**
 * Keeps each integration within {@code vigil.ingestion.rate-limit.events-per-minute}: a fixed window per
 * calendar minute of the injected clock. Fails open: when the counts cannot be reached, events are admitted.
 */
@Service
public class AdmitEvents {

    private final EventBudgets budgets;
    private final RateLimitProperties properties;
    private final Clock clock;

    public AdmitEvents(EventBudgets budgets, RateLimitProperties properties, Clock clock) {
        this.budgets = budgets;
        this.properties = properties;
        this.clock = clock;
    }

    public Admission admit(Integration integration, int events) {
        Instant now = clock.instant();
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        OptionalLong count = budgets.add(integration.id(), minute, events);
        if (count.isEmpty() || count.getAsLong() <= properties.eventsPerMinute()) {
            return new Admission.Admitted();
        }
        Duration untilNextMinute = Duration.between(now, minute.plus(Duration.ofMinutes(1)));
        return new Admission.Throttled(untilNextMinute.isZero() ? Duration.ofSeconds(1) : untilNextMinute);
    }
}
