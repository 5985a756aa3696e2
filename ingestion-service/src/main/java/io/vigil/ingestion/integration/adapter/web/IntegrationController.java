package io.vigil.ingestion.integration.adapter.web;

import io.vigil.ingestion.integration.application.CreateIntegration;
import io.vigil.ingestion.integration.application.DisableIntegration;
import io.vigil.ingestion.integration.application.IntegrationNameTaken;
import io.vigil.ingestion.integration.application.IssuedKey;
import io.vigil.ingestion.integration.application.ListIntegrations;
import io.vigil.ingestion.integration.application.NewIntegration;
import io.vigil.ingestion.integration.application.RotateIntegrationKey;
import io.vigil.ingestion.integration.domain.Integration;
import io.vigil.ingestion.integration.domain.SourceType;
import io.vigil.starter.web.ResourceNotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/integrations}: create, list, rotate the key of and disable integrations. */
@RestController
class IntegrationController {

    private final CreateIntegration createIntegration;
    private final ListIntegrations listIntegrations;
    private final RotateIntegrationKey rotateIntegrationKey;
    private final DisableIntegration disableIntegration;

    IntegrationController(CreateIntegration createIntegration, ListIntegrations listIntegrations,
            RotateIntegrationKey rotateIntegrationKey, DisableIntegration disableIntegration) {
        this.createIntegration = createIntegration;
        this.listIntegrations = listIntegrations;
        this.rotateIntegrationKey = rotateIntegrationKey;
        this.disableIntegration = disableIntegration;
    }

    /** Body of {@code POST /v1/integrations}. */
    record CreateRequest(
            @NotBlank @Size(max = 255) String name,
            @NotBlank @Pattern(regexp = "pagerduty|alertmanager|generic|cloudevents|heartbeat",
                    message = "must be one of pagerduty, alertmanager, generic, cloudevents, heartbeat") String type,
            @NotBlank @Size(max = 255) String service) {
    }

    /** An integration as the API shows it; {@code key} only in the answers that issue one. */
    record IntegrationView(UUID id, String name, String type, String service, boolean enabled, boolean declared,
            Instant createdAt, Instant keyRotatedAt, String key) {

        static IntegrationView of(Integration integration, String key) {
            return new IntegrationView(integration.id(), integration.name(), integration.type().wireName(),
                    integration.service(), integration.enabled(), integration.declared(), integration.createdAt(),
                    integration.keyRotatedAt(), key);
        }
    }

    @PostMapping("/v1/integrations")
    @ResponseStatus(HttpStatus.CREATED)
    IntegrationView create(@Valid @RequestBody CreateRequest request) {
        try {
            IssuedKey issued = createIntegration.create(new NewIntegration(request.name().trim(),
                    SourceType.fromWireName(request.type()).orElseThrow(), request.service().trim()));
            return IntegrationView.of(issued.integration(), issued.key());
        } catch (IntegrationNameTaken e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
            problem.setTitle("Integration name taken");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, e);
        }
    }

    @GetMapping("/v1/integrations")
    List<IntegrationView> list() {
        return listIntegrations.list().stream().map(integration -> IntegrationView.of(integration, null)).toList();
    }

    @PostMapping("/v1/integrations/{id}/rotate-key")
    IntegrationView rotateKey(@PathVariable UUID id) {
        IssuedKey issued = rotateIntegrationKey.rotate(id).orElseThrow(() -> new ResourceNotFound("integration", id));
        return IntegrationView.of(issued.integration(), issued.key());
    }

    @PostMapping("/v1/integrations/{id}/disable")
    IntegrationView disable(@PathVariable UUID id) {
        return IntegrationView.of(disableIntegration.disable(id)
                .orElseThrow(() -> new ResourceNotFound("integration", id)), null);
    }
}
