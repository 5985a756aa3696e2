package io.vigil.notification.contact.adapter.web;

import io.vigil.notification.contact.application.ServiceChannels;
import io.vigil.notification.contact.application.SetServiceChannel;
import io.vigil.starter.web.ResourceNotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Slack channel a service posts every new incident to. */
@RestController
@RequestMapping("/v1/services/{service}/slack-channel")
class ServiceChannelController {

    record ServiceChannelBody(@NotBlank String slackChannel) {
    }

    record ServiceChannelView(String service, String slackChannel) {
    }

    private final ServiceChannels channels;
    private final SetServiceChannel setChannel;

    ServiceChannelController(ServiceChannels channels, SetServiceChannel setChannel) {
        this.channels = channels;
        this.setChannel = setChannel;
    }

    @GetMapping
    ServiceChannelView get(@PathVariable String service) {
        return channels.slackChannelOf(service).map(channel -> new ServiceChannelView(service, channel))
                .orElseThrow(() -> new ResourceNotFound("slack channel of service", service));
    }

    @PutMapping
    ServiceChannelView put(@PathVariable String service, @Valid @RequestBody ServiceChannelBody body) {
        setChannel.set(service, body.slackChannel());
        return get(service);
    }

    @DeleteMapping
    ResponseEntity<Void> delete(@PathVariable String service) {
        setChannel.set(service, null);
        return ResponseEntity.noContent().build();
    }
}
