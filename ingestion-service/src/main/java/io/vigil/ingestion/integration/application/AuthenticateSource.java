package io.vigil.ingestion.integration.application;

import io.vigil.ingestion.integration.domain.IntegrationKeys;
import io.vigil.ingestion.integration.domain.SourceAuthentication;
import io.vigil.ingestion.integration.domain.SourceType;
import org.springframework.stereotype.Service;

/** Tells a door which integration (and so which service) a presented key belongs to. */
@Service
public class AuthenticateSource {

    private final Integrations integrations;

    public AuthenticateSource(Integrations integrations) {
        this.integrations = integrations;
    }

    /**
     * @param key  the key as presented, or {@code null} when the request carried none
     * @param door the type of door it was presented at
     */
    public SourceAuthentication authenticate(String key, SourceType door) {
        if (key == null || key.isBlank()) {
            return new SourceAuthentication.Refused(SourceAuthentication.Reason.MISSING,
                    "no integration key: send it as a bearer token, as the basic auth password or as ?key=");
        }
        return SourceAuthentication.of(integrations.byKeyHash(IntegrationKeys.hash(key.trim())).orElse(null), door);
    }
}
