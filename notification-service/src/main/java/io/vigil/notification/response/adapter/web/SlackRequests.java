package io.vigil.notification.response.adapter.web;

import io.vigil.notification.NotificationProperties;
import io.vigil.notification.response.domain.SlackSignature;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * What every request from Slack goes through: its raw body read once and checked against the app's signing secret
 * within the allowed clock skew (anything else is a {@code 401} and nothing happens), and the short answers only
 * the person who asked sees.
 */
@Component
class SlackRequests {

    static final String NOT_LINKED = "Your Slack account is not linked to a Vigil user; nothing was done.";

    private final SlackSignature signature;
    private final Clock clock;

    SlackRequests(NotificationProperties properties, Clock clock) {
        this.signature = new SlackSignature(properties.slack().signingSecret(), properties.slack().maxClockSkew());
        this.clock = clock;
    }

    /**
     * The request's body, once Slack's signature over it holds. The signature covers the raw bytes, so they are read
     * before anything parses the form.
     *
     * @throws ErrorResponseException a {@code 401} saying what is wrong with the signature
     */
    byte[] signedBody(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        SlackSignature.Verdict verdict = signature.verify(request.getHeader("X-Slack-Request-Timestamp"),
                request.getHeader("X-Slack-Signature"), body, clock.instant());
        if (verdict != SlackSignature.Verdict.VALID) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "Slack signature " + verdict.name().toLowerCase(Locale.ROOT));
            problem.setTitle("Unauthorized");
            throw new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
        }
        return body;
    }

    /** An answer in Slack that only the person who pressed or typed sees. */
    static ResponseEntity<Map<String, Object>> ephemeral(String text) {
        return ResponseEntity.ok(Map.of("response_type", "ephemeral", "replace_original", false, "text", text));
    }
}
