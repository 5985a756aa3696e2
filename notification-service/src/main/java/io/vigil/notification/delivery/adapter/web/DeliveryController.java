package io.vigil.notification.delivery.adapter.web;

import io.vigil.notification.delivery.application.Deliveries;
import io.vigil.notification.delivery.application.RetryDelivery;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.DeliveryStatus;
import io.vigil.starter.web.ResourceNotFound;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deliveries as operators see them: failed ones stay listed and can be retried by hand. */
@RestController
@RequestMapping("/v1/deliveries")
@Validated
class DeliveryController {

    record DeliveryView(UUID id, UUID requestId, UUID incidentId, String userId, String channel, String address,
            String purpose, String status, int attempts, Instant dueAt, Instant createdAt, String sentVia,
            String providerRef, String lastError, UUID fallbackOf) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id(), d.requestId(), d.incidentId(), d.userId(), d.channel().wireName(),
                    d.address(), d.purpose().name().toLowerCase(Locale.ROOT),
                    d.status().name().toLowerCase(Locale.ROOT), d.attempts(), d.dueAt(), d.createdAt(), d.sentVia(),
                    d.providerRef(), d.lastError(), d.fallbackOf());
        }
    }

    record DeliveriesView(List<DeliveryView> deliveries) {
    }

    private final Deliveries deliveries;
    private final RetryDelivery retry;

    DeliveryController(Deliveries deliveries, RetryDelivery retry) {
        this.deliveries = deliveries;
        this.retry = retry;
    }

    @GetMapping
    DeliveriesView list(
            @RequestParam(required = false) @Pattern(regexp = "(?i)pending|sent|failed|cancelled",
                    message = "must be pending, sent, failed or cancelled") String status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        Optional<DeliveryStatus> filter = Optional.ofNullable(status)
                .map(s -> DeliveryStatus.valueOf(s.toUpperCase(Locale.ROOT)));
        return new DeliveriesView(deliveries.list(filter, limit).stream().map(DeliveryView::of).toList());
    }

    @GetMapping("/{id}")
    DeliveryView get(@PathVariable UUID id) {
        return deliveries.find(id).map(DeliveryView::of).orElseThrow(() -> new ResourceNotFound("delivery", id));
    }

    @PostMapping("/{id}/retry")
    DeliveryView retry(@PathVariable UUID id) {
        return DeliveryView.of(retry.retry(id));
    }

    @ExceptionHandler(RetryDelivery.NotFailed.class)
    ProblemDetail notFailed(RetryDelivery.NotFailed ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Delivery is not failed");
        return problem;
    }
}
