package io.vigil.ingestion.alert.application;

import io.vigil.contracts.Link;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A change event as a door understood it.
 *
 * @param requestDigest a digest of the request, so that its retry gives the same change id
 */
public record NewChange(String door, String integrationName, String service, String summary, String source,
        Instant timestamp, Map<String, Object> customDetails, List<Link> links, String requestDigest) {
}
