package io.vigil.starter.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * API authentication, under {@code vigil.security}. Every REST endpoint needs a bearer token except the
 * {@code publicPaths}: GET and HEAD need the viewer role, changes on {@code adminPaths} the admin role, every
 * other change the responder role.
 *
 * @param tokens      the API tokens by name; only the SHA-256 of each token is kept in configuration
 * @param publicPaths path patterns open without a token, on top of health, Prometheus, OpenAPI and
 *                    {@code /error}: alert intake doors, which check integration keys, and webhooks that carry
 *                    their own signatures (Slack, Twilio)
 * @param adminPaths  path patterns where any change (not GET or HEAD) needs the admin role
 */
@ConfigurationProperties("vigil.security")
@Validated
public record ApiSecurityProperties(
        @DefaultValue Map<String, @Valid Token> tokens,
        @DefaultValue List<String> publicPaths,
        @DefaultValue List<String> adminPaths) {

    /**
     * One API token.
     *
     * @param role   what it may do
     * @param sha256 lowercase hex SHA-256 of the token's UTF-8 bytes (e.g. {@code printf %s "$TOKEN" | sha256sum})
     */
    public record Token(
            @NotNull ApiRole role,
            @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits (a SHA-256)") String sha256) {
    }
}
