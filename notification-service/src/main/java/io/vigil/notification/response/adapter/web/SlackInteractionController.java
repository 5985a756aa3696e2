package io.vigil.notification.response.adapter.web;

import io.vigil.notification.response.application.DecideRemediation;
import io.vigil.notification.response.application.IncidentAction;
import io.vigil.notification.response.application.RespondToIncident;
import io.vigil.notification.response.application.SlackMembers;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack's interactivity request URL: a button pressed on a page, or on a remediation run's request for approval.
 * The request must carry a valid v0 signature made within the allowed clock skew (else 401, nothing happens); the
 * Slack member must be a known Vigil user; then the command is queued through the outbox and Slack gets its 200 at
 * once, well inside its 3 seconds.
 */
@RestController
class SlackInteractionController {

    private static final Logger log = LoggerFactory.getLogger(SlackInteractionController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SlackRequests slack;
    private final SlackMembers members;
    private static final String APPROVE_RUN = "remediation-approve";
    private static final Set<String> RUN_DECISIONS = Set.of(APPROVE_RUN, "remediation-reject");
    private static final String RUN_BLOCK_PREFIX = "remediation:";

    private final RespondToIncident respond;
    private final DecideRemediation decideRemediation;

    SlackInteractionController(SlackRequests slack, SlackMembers members, RespondToIncident respond,
            DecideRemediation decideRemediation) {
        this.slack = slack;
        this.members = members;
        this.respond = respond;
        this.decideRemediation = decideRemediation;
    }

    @PostMapping("/v1/slack/interactions")
    ResponseEntity<?> interaction(HttpServletRequest request) throws IOException {
        byte[] body = slack.signedBody(request);
        Optional<JsonNode> payload = payload(new String(body, StandardCharsets.UTF_8));
        if (payload.isEmpty()) {
            return badRequest("the body has no JSON payload field");
        }
        JsonNode action = payload.get().path("actions").path(0);
        String slackUser = payload.get().path("user").path("id").asString(null);
        String actionId = action.path("action_id").asString("");
        if (RUN_DECISIONS.contains(actionId)) {
            return decideRun(actionId, action, slackUser, payload.get());
        }
        Optional<IncidentAction> kind = action(actionId);
        Optional<UUID> incidentId = uuid(action.path("value").asString(""));
        if (slackUser == null || kind.isEmpty() || incidentId.isEmpty()) {
            // Other interactions (a link button, a shortcut) are not ours to act on; Slack only needs its 200.
            return ResponseEntity.ok().build();
        }
        Optional<String> user = members.vigilUser(slackUser);
        if (user.isEmpty()) {
            log.warn("Slack member {} pressed {} but is no Vigil user", slackUser, kind.get());
            return SlackRequests.ephemeral(SlackRequests.NOT_LINKED);
        }
        String answerKey = action.path("action_ts").asString(payload.get().path("trigger_id").asString("-"));
        respond.respond(new RespondToIncident.Answer(kind.get(), incidentId.get(), user.get(), "slack", answerKey));
        return ResponseEntity.ok().build();
    }

    /** Approve or Reject on a remediation run's request: the button's value is the run id. */
    private ResponseEntity<?> decideRun(String actionId, JsonNode action, String slackUser, JsonNode payload) {
        Optional<UUID> runId = uuid(action.path("value").asString(""));
        if (slackUser == null || runId.isEmpty()) {
            return ResponseEntity.ok().build();
        }
        Optional<String> user = members.vigilUser(slackUser);
        if (user.isEmpty()) {
            log.warn("Slack member {} pressed {} but is no Vigil user", slackUser, actionId);
            return SlackRequests.ephemeral(SlackRequests.NOT_LINKED);
        }
        String block = action.path("block_id").asString("");
        UUID incidentId = block.startsWith(RUN_BLOCK_PREFIX)
                ? uuid(block.substring(RUN_BLOCK_PREFIX.length())).orElse(null) : null;
        String answerKey = action.path("action_ts").asString(payload.path("trigger_id").asString("-"));
        decideRemediation.decide(new DecideRemediation.Decision(APPROVE_RUN.equals(actionId), runId.get(), incidentId,
                user.get(), "slack", answerKey));
        return ResponseEntity.ok().build();
    }

    private static Optional<JsonNode> payload(String form) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && "payload".equals(pair.substring(0, eq))) {
                try {
                    return Optional.of(JSON.readTree(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
                } catch (JacksonException | IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<IncidentAction> action(String actionId) {
        return switch (actionId) {
            case "acknowledge" -> Optional.of(IncidentAction.ACKNOWLEDGE);
            case "resolve" -> Optional.of(IncidentAction.RESOLVE);
            case "escalate" -> Optional.of(IncidentAction.ESCALATE);
            default -> Optional.empty();
        };
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<ProblemDetail> badRequest(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
