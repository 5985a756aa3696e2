package io.vigil.ingestion.integration.domain;

/** What a key presented at a door turned out to be. */
public sealed interface SourceAuthentication {

    /** The key belongs to an enabled integration of the door's type. */
    record Authenticated(Integration integration) implements SourceAuthentication {
    }

    /** The key was refused; {@link #message()} says why in words a client can act on. */
    record Refused(Reason reason, String message) implements SourceAuthentication {
    }

    /** Why a key was refused. */
    enum Reason {
        MISSING,
        UNKNOWN,
        DISABLED,
        WRONG_TYPE
    }

    /** Decides about a key given the integration it resolved to ({@code null} when none). */
    static SourceAuthentication of(Integration integration, SourceType door) {
        if (integration == null) {
            return new Refused(Reason.UNKNOWN, "the key is not the key of any integration");
        }
        if (!integration.enabled()) {
            return new Refused(Reason.DISABLED, "the integration '%s' is disabled".formatted(integration.name()));
        }
        if (integration.type() != door) {
            return new Refused(Reason.WRONG_TYPE, "the key belongs to a %s integration, not a %s one"
                    .formatted(integration.type().wireName(), door.wireName()));
        }
        return new Authenticated(integration);
    }
}
