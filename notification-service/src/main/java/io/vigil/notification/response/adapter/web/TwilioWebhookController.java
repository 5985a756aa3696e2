package io.vigil.notification.response.adapter.web;

import com.twilio.security.RequestValidator;
import io.vigil.notification.NotificationProperties;
import io.vigil.notification.delivery.application.RecordProviderReceipt;
import io.vigil.notification.response.application.IncidentAction;
import io.vigil.notification.response.application.PagedPhones;
import io.vigil.notification.response.application.RespondToIncident;
import io.vigil.notification.response.domain.SmsReply;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's webhooks: inbound SMS replies, key presses of a call and status callbacks. Each must carry a valid
 * {@code X-Twilio-Signature} (HMAC-SHA1 with the auth token over the public URL and the POST parameters, checked
 * with the SDK's {@link RequestValidator}); anything else is refused with 403. A reply becomes the incident command;
 * Twilio's message or call id makes the command id, so a replayed webhook changes nothing twice.
 */
@RestController
@RequestMapping("/v1/twilio")
class TwilioWebhookController {

    private static final MediaType TWIML = MediaType.APPLICATION_XML;

    private final NotificationProperties.Twilio twilio;
    private final PagedPhones pagedPhones;
    private final RespondToIncident respond;
    private final RecordProviderReceipt receipts;

    TwilioWebhookController(NotificationProperties properties, PagedPhones pagedPhones, RespondToIncident respond,
            RecordProviderReceipt receipts) {
        this.twilio = properties.twilio();
        this.pagedPhones = pagedPhones;
        this.respond = respond;
        this.receipts = receipts;
    }

    @PostMapping("/sms")
    ResponseEntity<?> smsReply(HttpServletRequest request) throws IOException {
        Map<String, String> params = formParameters(request);
        if (!signed(request, params)) {
            return forbidden();
        }
        String from = params.get("From");
        Optional<SmsReply> reply = SmsReply.parse(params.get("Body"));
        if (from == null || reply.isEmpty()) {
            return twiml("<Message>Vigil did not understand. Reply 4 &lt;incident&gt; to acknowledge, "
                    + "6 &lt;incident&gt; to resolve.</Message>");
        }
        Optional<PagedPhones.PagedIncident> page = pagedPhones.lastPage(from, reply.get().incidentNumber());
        if (page.isEmpty()) {
            return twiml("<Message>Vigil has no page to this number about that incident.</Message>");
        }
        IncidentAction action = reply.get().acknowledge() ? IncidentAction.ACKNOWLEDGE : IncidentAction.RESOLVE;
        respond.respond(new RespondToIncident.Answer(action, page.get().incidentId(), page.get().userId(), "sms",
                params.getOrDefault("MessageSid", params.get("SmsSid"))));
        return twiml("<Message>%s #%d.</Message>".formatted(
                reply.get().acknowledge() ? "Acknowledging" : "Resolving", page.get().incidentNumber()));
    }

    @PostMapping("/voice")
    ResponseEntity<?> keyPressed(HttpServletRequest request) throws IOException {
        Map<String, String> params = formParameters(request);
        if (!signed(request, params)) {
            return forbidden();
        }
        String digits = params.getOrDefault("Digits", "");
        OptionalLong incident = parseLong(request.getParameter("incident"));
        Optional<PagedPhones.PagedIncident> page = incident.isEmpty() ? Optional.empty()
                : pagedPhones.lastPage(params.get("To"), incident);
        if (page.isEmpty() || !(digits.equals("4") || digits.equals("6"))) {
            return twiml("<Say>Nothing was changed. Goodbye.</Say>");
        }
        boolean acknowledge = digits.equals("4");
        respond.respond(new RespondToIncident.Answer(acknowledge ? IncidentAction.ACKNOWLEDGE : IncidentAction.RESOLVE,
                page.get().incidentId(), page.get().userId(), "voice", params.getOrDefault("CallSid", "-")));
        return twiml("<Say>%s. Goodbye.</Say>".formatted(acknowledge ? "Acknowledged" : "Resolved"));
    }

    @PostMapping("/status")
    ResponseEntity<?> status(HttpServletRequest request) throws IOException {
        Map<String, String> params = formParameters(request);
        if (!signed(request, params)) {
            return forbidden();
        }
        String sid = params.getOrDefault("MessageSid", params.get("CallSid"));
        String status = params.getOrDefault("MessageStatus", params.get("CallStatus"));
        if (sid != null) {
            receipts.record(sid, status, params.get("ErrorCode"));
        }
        return ResponseEntity.noContent().build();
    }

    private boolean signed(HttpServletRequest request, Map<String, String> params) {
        String signature = request.getHeader("X-Twilio-Signature");
        if (!twilio.configured() || signature == null) {
            return false;
        }
        String url = twilio.webhookBaseUrl() + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return new RequestValidator(twilio.authToken()).validate(url, params, signature);
    }

    /** The POST parameters only: Twilio signs them apart from the URL's query. */
    private static Map<String, String> formParameters(HttpServletRequest request) throws IOException {
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static OptionalLong parseLong(String text) {
        try {
            return text == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static ResponseEntity<String> twiml(String inner) {
        return ResponseEntity.ok().contentType(TWIML).body("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + inner + "</Response>");
    }

    private static ResponseEntity<ProblemDetail> forbidden() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "The request does not carry a valid X-Twilio-Signature");
        problem.setTitle("Forbidden");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
