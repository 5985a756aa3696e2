package io.vigil.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A change a source reported (a deploy, a config push, a feature flag), taken in by ingestion-service from
 * PagerDuty's change events ({@code POST /v2/change/enqueue}). Changes are context for incidents of the same
 * service, never incidents themselves, so they travel on {@link Topics#CHANGE_EVENTS} keyed by
 * {@link #service()}, apart from the alerts that open incidents.
 *
 * @param changeId      stable id of this change: the same request retried gives the same id
 * @param integration   the kind of door it came through ({@code pagerduty})
 * @param service       the service the change belongs to
 * @param summary       what changed, one line
 * @param source        the system that made the change, or {@code null}
 * @param timestamp     when the change happened according to the source, or {@code null}
 * @param customDetails free-form details (any JSON), or {@code null}
 * @param links         links the source attached (the build, the pull request), or {@code null}
 * @param receivedAt    when Vigil accepted it
 */
public record ChangeEventReceived(
        UUID changeId,
        String integration,
        String service,
        String summary,
        String source,
        Instant timestamp,
        Map<String, Object> customDetails,
        List<Link> links,
        Instant receivedAt) implements Message {

    public ChangeEventReceived {
        Objects.requireNonNull(changeId, "changeId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(receivedAt, "receivedAt");
        links = links == null ? null : List.copyOf(links);
    }
}
