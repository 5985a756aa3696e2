package io.vigil.ingestion.alert.adapter.web;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import io.vigil.contracts.AlertSeverity;
import io.vigil.contracts.AlertStatus;
import io.vigil.ingestion.alert.IngestionProperties;
import io.vigil.ingestion.alert.application.AcceptAlert;
import io.vigil.ingestion.alert.application.AlertContext;
import io.vigil.ingestion.alert.application.IntakeUnavailable;
import io.vigil.ingestion.alert.application.NewAlert;
import io.vigil.ingestion.integration.domain.Integration;
import io.vigil.ingestion.integration.domain.SourceType;
import io.vigil.starter.web.ServiceUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/cloudevents}: an alert as a CloudEvents 1.0 event, in structured mode
 * ({@code Content-Type: application/cloudevents+json}) or binary mode ({@code ce-*} headers), read with the
 * CloudEvents SDK ({@code cloudevents-http-basic}). The event's {@code data} is the generic alert of
 * {@code POST /v1/alerts} (see docs/alerts-api.md); {@code time} stands in for a missing {@code startsAt},
 * {@code subject} for a missing {@code source}, and the event's {@code source} and {@code id} identify it, so a
 * resent event is the same alert.
 */
@RestController
class CloudEventsController {

    static final String INTEGRATION = "cloudevents";

    private final AcceptAlert acceptAlert;
    private final IntakeAuthentication authentication;
    private final IngestionProperties properties;
    private final Validator validator;
    private final JsonMapper json;

    CloudEventsController(AcceptAlert acceptAlert, IntakeAuthentication authentication, IngestionProperties properties,
            Validator validator, JsonMapper json) {
        this.acceptAlert = acceptAlert;
        this.authentication = authentication;
        this.properties = properties;
        this.validator = validator;
        this.json = json;
        EventFormatProvider.getInstance().registerFormat(new CloudEventsJsonFormat());
    }

    /** What the event became. */
    record AcceptedEvent(String status, String eventId, UUID alertId, String fingerprint) {
    }

    @PostMapping("/v1/cloudevents")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AcceptedEvent receive(@RequestBody(required = false) byte[] body, HttpServletRequest http) {
        CloudEvent event = read(http, body == null ? new byte[0] : body);
        Integration integration = authentication.admit(http, SourceType.CLOUDEVENTS, 1);
        GenericAlertRequest alert = dataOf(event);
        Map<String, String> annotations = new LinkedHashMap<>(alert.annotations() == null ? Map.of() : alert.annotations());
        annotations.put("cloudevents.type", event.getType());
        annotations.put("cloudevents.source", event.getSource().toString());
        annotations.put("cloudevents.id", event.getId());
        String service = alert.service() == null || alert.service().isBlank() ? integration.service() : alert.service().trim();
        NewAlert newAlert = new NewAlert(INTEGRATION, service, alert.dedupKey(),
                alert.status() == null ? AlertStatus.FIRING : AlertStatus.valueOf(alert.status().toUpperCase(Locale.ROOT)),
                alert.summary(), AlertSeverity.valueOf(alert.severity().toUpperCase(Locale.ROOT)),
                alert.source() != null ? alert.source() : event.getSubject(),
                alert.labels(), annotations, null, alert.generatorUrl(),
                alert.startsAt() != null ? alert.startsAt() : event.getTime() == null ? null : event.getTime().toInstant(),
                alert.endsAt(), AlertContext.NONE, event.getSource() + " " + event.getId());
        try {
            AcceptAlert.Accepted accepted = acceptAlert.accept(newAlert, http.getHeader("traceparent"));
            return new AcceptedEvent("accepted", event.getId(), accepted.alertId(), accepted.fingerprint());
        } catch (IntakeUnavailable e) {
            throw new ServiceUnavailable("Vigil cannot store alerts right now; send this event again.",
                    properties.retryAfter(), e);
        }
    }

    private static CloudEvent read(HttpServletRequest http, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), http.getHeader(name));
        }
        String contentType = headers.getOrDefault("content-type", "");
        if (contentType.startsWith("application/cloudevents-batch")) {
            throw invalid(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type",
                    "batched CloudEvents are not supported; send one event per request");
        }
        if (!contentType.startsWith(CloudEventsJsonFormat.CONTENT_TYPE) && !headers.containsKey("ce-specversion")) {
            throw invalid(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type", "must be "
                    + CloudEventsJsonFormat.CONTENT_TYPE + " (structured mode), or the request must carry ce-* headers "
                    + "(binary mode)");
        }
        try {
            return HttpMessageFactory.createReader(headers, body).toEvent();
        } catch (CloudEventRWException | EventDeserializationException | IllegalStateException
                | IllegalArgumentException e) {
            throw invalid(HttpStatus.BAD_REQUEST, "event", "is not a valid CloudEvent: " + reason(e));
        }
    }

    private GenericAlertRequest dataOf(CloudEvent event) {
        if (event.getData() == null || event.getData().toBytes().length == 0) {
            throw invalid(HttpStatus.BAD_REQUEST, "data", "is missing: the event's data is the alert, as JSON");
        }
        if (!CloudEventsJsonFormat.isJson(event.getDataContentType())) {
            throw invalid(HttpStatus.BAD_REQUEST, "datacontenttype", "must be application/json, not "
                    + event.getDataContentType());
        }
        GenericAlertRequest alert;
        try {
            alert = json.readValue(event.getData().toBytes(), GenericAlertRequest.class);
        } catch (DatabindException e) {
            String field = e.getPath().stream().map(ref -> ref.getPropertyName() == null ? "[" + ref.getIndex() + "]"
                    : ref.getPropertyName()).collect(Collectors.joining("."));
            throw invalid(HttpStatus.BAD_REQUEST, field.isEmpty() ? "data" : "data." + field,
                    "has a value of the wrong type or format: " + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw invalid(HttpStatus.BAD_REQUEST, "data", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (alert == null) {
            throw invalid(HttpStatus.BAD_REQUEST, "data", "must be a JSON object");
        }
        Set<ConstraintViolation<GenericAlertRequest>> violations = validator.validate(alert);
        if (!violations.isEmpty()) {
            List<Map<String, String>> errors = violations.stream()
                    .map(v -> Map.of("field", "data." + v.getPropertyPath(), "message", v.getMessage()))
                    .sorted(Comparator.comparing(error -> error.get("field")))
                    .toList();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request: "
                    + errors.stream().map(e -> "'%s' %s".formatted(e.get("field"), e.get("message")))
                    .collect(Collectors.joining("; ")));
            problem.setTitle("Invalid request");
            problem.setProperty("errors", errors);
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return alert;
    }

    private static ErrorResponseException invalid(HttpStatus status, String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                "Invalid request: '%s' %s".formatted(field, message));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new ErrorResponseException(status, problem, null);
    }

    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
