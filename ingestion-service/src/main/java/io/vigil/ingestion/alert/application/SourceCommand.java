package io.vigil.ingestion.alert.application;

/**
 * A source's acknowledge or resolve of the problem it names by dedup key (PagerDuty {@code acknowledge} and
 * {@code resolve} events).
 *
 * @param door            the kind of door: {@code pagerduty}
 * @param integrationName the integration it came through, for the timeline's actor
 * @param service         the integration's service
 * @param dedupKey        the source's key of the problem
 * @param requestDigest   a digest of the request, so that its retry gives the same command id
 */
public record SourceCommand(String door, String integrationName, String service, String dedupKey,
        String requestDigest) {
}
