package io.vigil.starter.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * The registered API tokens, looked up by the SHA-256 of what a caller presents. Only hashes are held: a leaked
 * configuration file gives nobody a working token. As an {@link AuthenticationProvider} it turns a presented
 * token ({@link #presented(String)}) into an authenticated {@link ApiCaller} holding its role and those below.
 */
public final class ApiTokens implements AuthenticationProvider {

    private final Map<String, ApiCaller> callersByHash = new HashMap<>();

    ApiTokens(ApiSecurityProperties properties) {
        properties.tokens().forEach((name, token) -> {
            ApiCaller previous = callersByHash.put(token.sha256().toLowerCase(Locale.ROOT),
                    new ApiCaller(name, token.role()));
            if (previous != null) {
                throw new IllegalStateException("API tokens '%s' and '%s' have the same sha256; give each its own token"
                        .formatted(previous.name(), name));
            }
        });
    }

    /** An unauthenticated request to be let in with {@code token}, for {@link #authenticate(Authentication)}. */
    static Authentication presented(String token) {
        return new PreAuthenticatedAuthenticationToken("api-token", token);
    }

    @Override
    public Authentication authenticate(Authentication presented) {
        ApiCaller caller = caller(String.valueOf(presented.getCredentials()))
                .orElseThrow(() -> new BadCredentialsException("The bearer token is not a registered API token."));
        var authorities = caller.role().included().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PreAuthenticatedAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The caller a presented token belongs to, if it is registered. */
    Optional<ApiCaller> caller(String presentedToken) {
        return Optional.ofNullable(callersByHash.get(sha256(presentedToken)));
    }

    boolean isEmpty() {
        return callersByHash.isEmpty();
    }

    /** Lowercase hex SHA-256 of the token's UTF-8 bytes, the form configuration keeps. */
    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
