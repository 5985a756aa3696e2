package io.vigil.incident.statuspage.adapter.web;

import io.vigil.incident.statuspage.adapter.web.Views.SubscriptionView;
import io.vigil.incident.statuspage.application.ManageSubscriptions;
import io.vigil.incident.statuspage.domain.Subscription;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Subscribers to public updates: e-mail addresses and webhook URLs. */
@RestController
@RequestMapping("/v1/status-page/subscriptions")
class SubscriptionController {

    private final ManageSubscriptions subscriptions;

    SubscriptionController(ManageSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** @param channel {@code email} or {@code webhook} */
    record SubscriptionRequest(@NotBlank String channel, @NotBlank @Size(max = 2048) String address) {
    }

    @GetMapping
    List<SubscriptionView> list() {
        return subscriptions.all().stream().map(SubscriptionView::of).toList();
    }

    @PostMapping
    ResponseEntity<SubscriptionView> subscribe(@Valid @RequestBody SubscriptionRequest request) {
        SubscriptionView subscription = SubscriptionView.of(subscriptions.subscribe(
                Subscription.Channel.fromLabel(request.channel(), "channel"), request.address()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(subscription.id());
        return ResponseEntity.created(location).body(subscription);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unsubscribe(@PathVariable UUID id) {
        subscriptions.unsubscribe(id);
    }
}
