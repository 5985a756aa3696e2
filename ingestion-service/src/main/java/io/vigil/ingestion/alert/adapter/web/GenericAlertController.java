package io.vigil.ingestion.alert.adapter.web;

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
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/alerts}: Vigil's own JSON alert format, with the key of a {@code generic} integration. The
 * alert belongs to the integration's service unless the body names another ({@code service}), so one
 * integration can serve a script that reports on several services.
 */
@RestController
class GenericAlertController {

    static final String INTEGRATION = "generic";

    private final AcceptAlert acceptAlert;
    private final IntakeAuthentication authentication;
    private final IngestionProperties properties;

    GenericAlertController(AcceptAlert acceptAlert, IntakeAuthentication authentication,
            IngestionProperties properties) {
        this.acceptAlert = acceptAlert;
        this.authentication = authentication;
        this.properties = properties;
    }

    /** The answer to an accepted alert: where to find what it became. */
    record AcceptedAlert(String status, UUID alertId, String fingerprint) {
    }

    @PostMapping("/v1/alerts")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AcceptedAlert receive(@Valid @RequestBody GenericAlertRequest request, HttpServletRequest http,
            @RequestHeader(name = "traceparent", required = false) String traceparent) {
        Integration integration = authentication.admit(http, SourceType.GENERIC, 1);
        String service = request.service() == null || request.service().isBlank()
                ? integration.service() : request.service().trim();
        NewAlert alert = new NewAlert(INTEGRATION, service, request.dedupKey(),
                request.status() == null ? AlertStatus.FIRING : AlertStatus.valueOf(request.status().toUpperCase(Locale.ROOT)),
                request.summary(), AlertSeverity.valueOf(request.severity().toUpperCase(Locale.ROOT)), request.source(),
                request.labels(), request.annotations(),
                null, request.generatorUrl(), request.startsAt(), request.endsAt(), AlertContext.NONE);
        try {
            AcceptAlert.Accepted accepted = acceptAlert.accept(alert, traceparent);
            return new AcceptedAlert("accepted", accepted.alertId(), accepted.fingerprint());
        } catch (IntakeUnavailable e) {
            throw new ServiceUnavailable("Vigil cannot store alerts right now; send this alert again.",
                    properties.retryAfter(), e);
        }
    }
}
