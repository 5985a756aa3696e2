package io.vigil.starter.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** The 401 and 403 answers, as RFC 9457 problem documents like every other Vigil error. */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AccessPolicy policy;

    ProblemResponses(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException cause)
            throws IOException {
        Object rejection = request.getAttribute(ApiTokenFilter.REJECTION);
        String detail = rejection != null
                ? rejection.toString()
                : "This request needs an API token: send 'Authorization: Bearer <API token>'.";
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"vigil\"");
        write(request, response, HttpStatus.UNAUTHORIZED, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException cause)
            throws IOException {
        String needed = policy.requiredRole(request).map(ApiRole::label).orElse("another");
        String detail = ApiCaller.current()
                .map(caller -> "The API token '%s' has the role %s; %s %s needs the role %s.".formatted(
                        caller.name(), caller.role().label(), request.getMethod(), request.getRequestURI(), needed))
                .orElse("%s %s needs the role %s.".formatted(request.getMethod(), request.getRequestURI(), needed));
        write(request, response, HttpStatus.FORBIDDEN, detail);
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
