package io.vigil.starter.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns {@code Authorization: Bearer <token>} into an authenticated {@link ApiCaller}. It never refuses a request
 * itself: public doors take bearer credentials of their own (integration keys), so an unknown token only leaves
 * the request anonymous, with a note for the 401 to explain why.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    /** Request attribute holding why the presented credentials were not accepted, for the 401 body. */
    static final String REJECTION = ApiTokenFilter.class.getName() + ".rejection";

    private static final String BEARER = "bearer ";

    private final ApiTokens tokens;

    ApiTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            if (header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                try {
                    var context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(tokens.authenticate(
                            ApiTokens.presented(header.substring(BEARER.length()).trim())));
                    SecurityContextHolder.setContext(context);
                } catch (AuthenticationException rejected) {
                    request.setAttribute(REJECTION, rejected.getMessage());
                }
            } else {
                request.setAttribute(REJECTION, "The Authorization header must be 'Bearer <API token>'.");
            }
        }
        chain.doFilter(request, response);
    }
}
