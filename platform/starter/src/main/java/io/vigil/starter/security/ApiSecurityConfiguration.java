package io.vigil.starter.security;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * API authentication for every Vigil service: bearer API tokens with the roles viewer, responder and admin,
 * stateless, no sessions, no cookies, so no CSRF to guard against.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(ApiSecurityProperties.class)
public class ApiSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurityConfiguration.class);

    @Bean
    ApiTokens apiTokens(ApiSecurityProperties properties) {
        ApiTokens tokens = new ApiTokens(properties);
        if (tokens.isEmpty()) {
            log.warn("No API tokens are configured (vigil.security.tokens): every REST call except the public "
                    + "doors will be answered 401");
        }
        return tokens;
    }

    @Bean
    SecurityFilterChain vigilApiSecurity(HttpSecurity http, ApiSecurityProperties properties, ApiTokens tokens) {
        AccessPolicy policy = new AccessPolicy(properties);
        ProblemResponses problems = new ProblemResponses(policy);
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().access(new RoleAuthorization(policy)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** Grants a request when the caller's token has the role {@link AccessPolicy} asks for. */
    private record RoleAuthorization(AccessPolicy policy) implements AuthorizationManager<RequestAuthorizationContext> {

        @Override
        public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                RequestAuthorizationContext context) {
            return policy.requiredRole(context.getRequest())
                    .map(role -> new AuthorizationDecision(authentication.get().getAuthorities().stream()
                            .anyMatch(granted -> role.authority().equals(granted.getAuthority()))))
                    .orElseGet(() -> new AuthorizationDecision(true));
        }
    }
}
