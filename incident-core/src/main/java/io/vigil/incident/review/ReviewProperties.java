package io.vigil.incident.review;

import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.review.domain.Priority;
import io.vigil.incident.review.domain.PublishRule;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Post-incident reviews, under {@code vigil.incident.reviews}.
 *
 * @param severities          a review is written as soon as an incident of one of these severities resolves; empty
 *                            writes none by itself ({@code POST /v1/incidents/{id}/review} still does)
 * @param publishRequiresClosed action items of these priorities must be done or cancelled before a review is
 *                            published; empty publishes regardless
 * @param zone                the time zone of action items' due dates (an item is overdue from the start of the day
 *                            after its due date there) and of the times in the Markdown export
 * @param reminderCheck       how often open action items are checked for being overdue
 * @param remindersPerPass    most overdue items reminded in one transaction
 */
@ConfigurationProperties("vigil.incident.reviews")
@Validated
public record ReviewProperties(
        @NotNull @DefaultValue({"SEV1", "SEV2"}) Set<Severity> severities,
        @NotNull @DefaultValue({"P0", "P1"}) Set<Priority> publishRequiresClosed,
        @NotNull @DefaultValue("UTC") ZoneId zone,
        @NotNull @DefaultValue("1m") Duration reminderCheck,
        @Min(1) @DefaultValue("100") int remindersPerPass) {

    public ReviewProperties {
        severities = severities.isEmpty() ? EnumSet.noneOf(Severity.class) : EnumSet.copyOf(severities);
        publishRequiresClosed = publishRequiresClosed.isEmpty() ? EnumSet.noneOf(Priority.class)
                : EnumSet.copyOf(publishRequiresClosed);
    }

    public PublishRule publishRule() {
        return new PublishRule(publishRequiresClosed);
    }
}
