package io.vigil.starter.security;

import io.vigil.contracts.Actor;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who sent an authenticated API request: the name the token was registered under and its role. A controller
 * receives it with {@code @AuthenticationPrincipal ApiCaller caller}.
 *
 * @param name the token's name in {@code vigil.security.tokens}; for a person's token, their user id
 * @param role what the token may do
 */
public record ApiCaller(String name, ApiRole role) {

    public ApiCaller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** The caller of the request this thread is serving, if it presented a valid token. */
    public static Optional<ApiCaller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ApiCaller caller) {
            return Optional.of(caller);
        }
        return Optional.empty();
    }

    /** This caller as the actor of a change recorded on a timeline, having come in over REST. */
    public Actor actor() {
        return new Actor("user", name, "rest");
    }
}
