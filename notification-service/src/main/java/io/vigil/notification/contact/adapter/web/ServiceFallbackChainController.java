package io.vigil.notification.contact.adapter.web;

import io.vigil.notification.NotificationProperties;
import io.vigil.notification.contact.application.ReplaceFallbackChain;
import io.vigil.notification.contact.application.ServiceChannels;
import io.vigil.notification.contact.domain.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The fallback chain of a service, followed by the people paged about its incidents who have none of their own. */
@RestController
@RequestMapping("/v1/services/{service}/fallback-chain")
class ServiceFallbackChainController {

    /** {@code channels} empty means the service-wide {@code vigil.notification.fallback-chain}. */
    record FallbackChainBody(@NotNull List<String> channels) {
    }

    /**
     * @param own       whether the service has a chain of its own
     * @param effective the chain pages about its incidents follow, for people without one of their own
     */
    record FallbackChainView(String service, List<String> channels, boolean own, List<String> effective) {
    }

    private final ServiceChannels services;
    private final ReplaceFallbackChain replaceFallbackChain;
    private final List<String> serviceWideChain;

    ServiceFallbackChainController(ServiceChannels services, ReplaceFallbackChain replaceFallbackChain,
            NotificationProperties properties) {
        this.services = services;
        this.replaceFallbackChain = replaceFallbackChain;
        this.serviceWideChain = properties.fallbackChain();
    }

    @GetMapping
    FallbackChainView get(@PathVariable String service) {
        List<String> own = services.fallbackChainOf(service).stream().map(Channel::wireName).toList();
        return new FallbackChainView(service, own, !own.isEmpty(), own.isEmpty() ? serviceWideChain : own);
    }

    @PutMapping
    FallbackChainView put(@PathVariable String service, @Valid @RequestBody FallbackChainBody body) {
        replaceFallbackChain.replaceForService(service, body.channels());
        return get(service);
    }
}
