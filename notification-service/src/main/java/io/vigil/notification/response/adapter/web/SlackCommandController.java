package io.vigil.notification.response.adapter.web;

import io.vigil.notification.response.application.AskForStatusUpdate;
import io.vigil.notification.response.application.PagedIncidents;
import io.vigil.notification.response.application.SlackMembers;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Slack's slash command URL: {@code /vigil-status #42 [investigating|identified|monitoring|resolved] <words>} posts
 * an update to the public status page incidents linked to incident #42. Signed and checked as a button press is; the
 * answer is a message only the responder sees, saying what was asked or how to ask.
 */
@RestController
class SlackCommandController {

    private static final Pattern REQUEST = Pattern.compile("\\s*#?(\\d+)\\s+(.+)", Pattern.DOTALL);
    private static final Set<String> STATUSES = Set.of("investigating", "identified", "monitoring", "resolved");
    private static final String USAGE = "Usage: /vigil-status #42 [investigating|identified|monitoring|resolved] "
            + "what the public should read";

    private final SlackRequests slack;
    private final SlackMembers members;
    private final PagedIncidents incidents;
    private final AskForStatusUpdate askForStatusUpdate;

    SlackCommandController(SlackRequests slack, SlackMembers members, PagedIncidents incidents,
            AskForStatusUpdate askForStatusUpdate) {
        this.slack = slack;
        this.members = members;
        this.incidents = incidents;
        this.askForStatusUpdate = askForStatusUpdate;
    }

    @PostMapping("/v1/slack/commands")
    ResponseEntity<?> command(HttpServletRequest request) throws IOException {
        byte[] body = slack.signedBody(request);
        Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
        Optional<String> user = members.vigilUser(form.getOrDefault("user_id", ""));
        if (user.isEmpty()) {
            return answer(SlackRequests.NOT_LINKED);
        }
        Matcher matcher = REQUEST.matcher(form.getOrDefault("text", ""));
        if (!matcher.matches()) {
            return answer(USAGE);
        }
        long number = Long.parseLong(matcher.group(1));
        String rest = matcher.group(2).strip();
        String first = rest.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String status = STATUSES.contains(first) ? first : null;
        String message = status == null ? rest : rest.substring(first.length()).strip();
        if (message.isEmpty()) {
            return answer("Say what the public should read. " + USAGE);
        }
        Optional<UUID> incident = incidents.byNumber(number);
        if (incident.isEmpty()) {
            return answer("Vigil paged nobody about #%d, so it cannot tell which incident that is.".formatted(number));
        }
        askForStatusUpdate.ask(new AskForStatusUpdate.Request(incident.get(), status, message, user.get(), "slack",
                form.getOrDefault("trigger_id", form.getOrDefault("text", ""))));
        return answer(("Posting to the status page for #%d%s: %s (if no public incident is linked to #%d, the "
                + "incident's timeline says so)").formatted(number, status == null ? "" : " (" + status + ")",
                message, number));
    }

    private static ResponseEntity<Map<String, Object>> answer(String text) {
        return SlackRequests.ephemeral(text);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
