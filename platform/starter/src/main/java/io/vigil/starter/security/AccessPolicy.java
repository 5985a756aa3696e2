package io.vigil.starter.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one place that says which role a request needs. Authorization and the 403 message both ask it, so the
 * message names the role the decision really required.
 */
final class AccessPolicy {

    /** Open on every service: health for orchestrators, metrics for Prometheus, the API description, errors. */
    static final List<String> ALWAYS_PUBLIC = List.of("/error", "/actuator/health", "/actuator/health/**",
            "/actuator/info", "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**");

    private final List<RequestMatcher> publicPaths;
    private final List<RequestMatcher> adminPaths;

    AccessPolicy(ApiSecurityProperties properties) {
        this.publicPaths = matchers(Stream.concat(ALWAYS_PUBLIC.stream(), properties.publicPaths().stream()).toList());
        this.adminPaths = matchers(properties.adminPaths());
    }

    /** The least role that may make this request; empty when it needs no token. */
    Optional<ApiRole> requiredRole(HttpServletRequest request) {
        if (request.getDispatcherType() == DispatcherType.ERROR || matchesAny(publicPaths, request)) {
            return Optional.empty();
        }
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return Optional.of(ApiRole.VIEWER);
        }
        return Optional.of(matchesAny(adminPaths, request) ? ApiRole.ADMIN : ApiRole.RESPONDER);
    }

    private static boolean matchesAny(List<RequestMatcher> matchers, HttpServletRequest request) {
        for (RequestMatcher matcher : matchers) {
            if (matcher.matches(request)) {
                return true;
            }
        }
        return false;
    }

    private static List<RequestMatcher> matchers(List<String> patterns) {
        return patterns.stream()
                .<RequestMatcher>map(pattern -> PathPatternRequestMatcher.withDefaults().matcher(pattern))
                .toList();
    }
}
